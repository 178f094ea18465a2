# The French persona quick starts, run literally like the English ones.
