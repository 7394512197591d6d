import json, sys, math
import numpy as np
d = json.load(open(f"/tmp/eval_{sys.argv[1]}.json"))
def mase(s, f):
    y = np.array(s['train']); m = s['m']; sc = np.mean(np.abs(y[m:] - y[:-m]))
    return np.mean(np.abs(np.array(s['test']) - f)) / sc
res = {}
def add(name, f, s): res.setdefault(name, []).append(mase(s, np.array(f)))
P = lambda x: np.array(x['point'])
for s in d:
    ms = [x for x in s['models'] if math.isfinite(x['aicc'])]
    best = min(ms, key=lambda x: x['aicc'])
    th, sn = np.array(s['theta']), np.array(s['snaive'])
    dmp = min([x for x in ms if ',Ad,' in x['model']], key=lambda x: x['aicc'])
    sea = [x for x in ms if not x['model'].endswith(',N)')] or ms
    S = np.sort(np.array([P(x) for x in sea]), 0)
    tm = S[1:-1].mean(0) if len(sea) > 4 else S.mean(0)
    add('ets', P(best), s); add('theta', th, s); add('snaive', sn, s)
    add('med(ets,theta,damped)', np.median([P(best), th, P(dmp)], 0), s)
    add('mean seasonal', S.mean(0), s)
    add('median seasonal', np.median(S, 0), s)
    add('trimmed mean seasonal', tm, s)
    add('trimmed mean seasonal+theta', np.sort(np.vstack([S, th]), 0)[1:-1].mean(0), s)
    add('mean(tm, theta, snaive)', np.mean([tm, th, sn], 0), s)
    add('mean(tm, snaive)', np.mean([tm, sn], 0), s)
    mult = [x for x in sea if x['model'].startswith('ETS(M')]
    add('mean M-error seasonal', np.mean([P(x) for x in (mult or sea)], 0), s)
    add('mean A-error seasonal', np.mean([P(x) for x in ([x for x in sea if x['model'].startswith('ETS(A')] or sea)], 0), s)
for k, v in res.items(): print(f"{k:40s} {np.mean(v):.4f}  median {np.median(v):.4f} n={len(v)}")
