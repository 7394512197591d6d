import json, sys, math
import numpy as np
d = json.load(open(f"/tmp/eval_{sys.argv[1]}.json"))
def mase(s, f):
    y = np.array(s['train']); m = s['m']; sc = np.mean(np.abs(y[m:] - y[:-m]))
    return np.mean(np.abs(np.array(s['test']) - f)) / sc
res = {}
def add(name, f, s): res.setdefault(name, []).append(mase(s, np.array(f)))
for s in d:
    ms = [x for x in s['models'] if math.isfinite(x['aicc'])]
    best = min(ms, key=lambda x: x['aicc'])
    damped = [x for x in ms if ',Ad,' in x['model']]
    bd = min(damped, key=lambda x: x['aicc'])
    P = lambda x: np.array(x['point'])
    ets, dmp, th, sn = P(best), P(bd), np.array(s['theta']), np.array(s['snaive'])
    add('ets', ets, s); add('damped', dmp, s); add('theta', th, s); add('snaive', sn, s)
    add('med(ets,theta,damped)', np.median([ets, th, dmp], 0), s)
    add('mean(ets,theta,damped)', np.mean([ets, th, dmp], 0), s)
    add('med(ets,theta,damped,snaive)', np.median([ets, th, dmp, sn], 0), s)
    add('mean(ets,theta,damped,snaive)', np.mean([ets, th, dmp, sn], 0), s)
    add('med(ets,theta,snaive)', np.median([ets, th, sn], 0), s)
    a = np.array([x['aicc'] for x in ms]); w = np.exp(-0.5 * (a - a.min())); w /= w.sum()
    add('aicc-weighted ets', sum(wi * P(x) for wi, x in zip(w, ms)), s)
    add('mean(aiccw,theta,damped)', np.mean([sum(wi * P(x) for wi, x in zip(w, ms)), th, dmp], 0), s)
    add('median all ets', np.median([P(x) for x in ms], 0), s)
    add('mean(ets,damped)', np.mean([ets, dmp], 0), s)
    add('mean(ets,snaive)', np.mean([ets, sn], 0), s)
    add('mean(damped,snaive)', np.mean([dmp, sn], 0), s)
    add('mean(ets,damped,snaive)', np.mean([ets, dmp, sn], 0), s)
    sea = [x for x in ms if x['model'].endswith(',M)') or x['model'].endswith(',A)')]
    if sea:
        add('mean seasonal ets', np.mean([P(x) for x in sea], 0), s)
for k, v in res.items(): print(f"{k:35s} {np.mean(v):.4f}  n={len(v)}")
print("----")
res = {}
for s in d:
    ms = [x for x in s['models'] if math.isfinite(x['aicc'])]
    P = lambda x: np.array(x['point'])
    best = min(ms, key=lambda x: x['aicc'])
    th, sn = np.array(s['theta']), np.array(s['snaive'])
    sea = [x for x in ms if not x['model'].endswith(',N)')] or ms
    nt = [x for x in sea if ',A,' not in x['model']]
    add('mean all ets', np.mean([P(x) for x in ms], 0), s)
    add('mean seasonal', np.mean([P(x) for x in sea], 0), s)
    add('median seasonal', np.median([P(x) for x in sea], 0), s)
    add('mean seasonal no-A-trend', np.mean([P(x) for x in nt], 0), s)
    add('mean seasonal + theta', np.mean([P(x) for x in sea] + [th], 0), s)
    add('mean(mean seasonal, theta)', np.mean([np.mean([P(x) for x in sea], 0), th], 0), s)
    add('mean(mean seasonal, snaive)', np.mean([np.mean([P(x) for x in sea], 0), sn], 0), s)
    add('mean(mean seasonal, ets)', np.mean([np.mean([P(x) for x in sea], 0), P(best)], 0), s)
    add('mean(mean seasonal, theta, snaive)', np.mean([np.mean([P(x) for x in sea], 0), th, sn], 0), s)
    add('median(mean seasonal, ets, theta)', np.median([np.mean([P(x) for x in sea], 0), P(best), th], 0), s)
    a = np.array([x['aicc'] for x in sea]); 
    for T in [10, 30, 100]:
        w = np.exp(-0.5 * (a - a.min()) / T); w /= w.sum()
        add(f'aicc-temp{T} seasonal', sum(wi * P(x) for wi, x in zip(w, sea)), s)
    # trimmed mean
    S = np.sort(np.array([P(x) for x in sea]), 0)
    if len(sea) > 4: add('trimmed mean seasonal', S[1:-1].mean(0), s)
for k, v in res.items(): print(f"{k:40s} {np.mean(v):.4f}  n={len(v)}")
