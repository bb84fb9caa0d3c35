# 200 rows of two separable classes: x, y numeric, label a|b.
import os
import random
import sys

random.seed(1)
with open(os.path.join(sys.argv[1], "table.csv"), "w") as f:
    f.write("x,y,label\n")
    for i in range(200):
        a = i % 2 == 0
        f.write("%.3f,%.3f,%s\n" % (random.gauss(2 if a else -2, 1), random.gauss(0, 1), "a" if a else "b"))
