import json, sys, math
import numpy as np
for f in ["tourism_monthly", "tourism_quarterly"]:
    d = json.load(open(f"/tmp/eval_{f}.json"))
    def mase(s, fc):
        y = np.array(s['train']); m = s['m']; sc = np.mean(np.abs(y[m:] - y[:-m]))
        return np.mean(np.abs(np.array(s['test']) - fc)) / sc
    res = {}
    P = lambda x: np.array(x['point'])
    for s in d:
        ms = [x for x in s['models'] if math.isfinite(x['aicc']) and not x['model'].endswith(',N)')]
        for name, keep in [("all", lambda m: True), ("no M,*,A", lambda m: not (m.startswith('ETS(M') and m.endswith(',A)'))),
                           ("no Ad", lambda m: ',Ad,' not in m), ("N and Ad trends", lambda m: ',A,' not in m), ("A,*,A + M,*,M minus MNM", lambda m: m not in ('ETS(M,N,M)',))]:
            sel = [x for x in ms if keep(x['model'])] or ms
            res.setdefault(name, []).append(mase(s, np.mean([P(x) for x in sel], 0)))
    print(f, {k: round(float(np.mean(v)), 4) for k, v in res.items()})
