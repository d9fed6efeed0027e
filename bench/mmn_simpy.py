"""The M/M/n+M queue of bench/planning.ts in SimPy (Debian's python3-simpy, SimPy 2): Poisson
arrivals, exponential handle times and patience, n agents, first come first served. Prints the
seconds taken and the figures as JSON. Usage: python3 mmn_simpy.py CALLS RATE_PER_S AGENTS AHT PATIENCE SEED"""
import json
import random
import sys
import time

from SimPy.Simulation import Process, Resource, activate, hold, initialize, now, release, request, simulate

calls, rate, agents, aht, patience, seed = (int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]),
                                            float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]))
random.seed(seed)
stats = {"offered": 0, "answered": 0, "within": 0, "abandoned": 0, "wait": 0.0}


class Caller(Process):
    def visit(self, desk):
        arrived = now()
        stats["offered"] += 1
        yield (request, self, desk), (hold, self, random.expovariate(1.0 / patience))
        if self.acquired(desk):
            waited = now() - arrived
            stats["answered"] += 1
            stats["wait"] += waited
            if waited <= 20:
                stats["within"] += 1
            yield hold, self, random.expovariate(1.0 / aht)
            yield release, self, desk
        else:
            stats["abandoned"] += 1


class Source(Process):
    def generate(self, desk):
        for _ in range(calls):
            caller = Caller()
            activate(caller, caller.visit(desk))
            yield hold, self, random.expovariate(rate)


start = time.perf_counter()
initialize()
desk = Resource(capacity=agents, monitored=False)
source = Source()
activate(source, source.generate(desk))
simulate(until=1e12)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, **stats}))
