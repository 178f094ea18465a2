# Defects found under hostile files given to the commands (actions files, chronogrammes): each test failed before its fix.
