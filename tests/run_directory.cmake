# Run directories consistent as a whole and locked; command-line values checked: each test failed before its fix.
