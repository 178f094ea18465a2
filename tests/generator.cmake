# The synthetic region generator (ricochet generate).
