# The scenario library: sizes of the reference region, every scenario runs.
