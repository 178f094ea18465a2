# Defects found under hostile scenario input: each test failed before its fix.
