"""RFM in vectorised pandas, for benches/rfm.sh: the same R/F/M values and scores as `adresat rfm`.

usage: rfm_pandas.py ORDERS.csv AS_OF OUT.csv   (prints the seconds it took)
"""
import sys
import time

import numpy as np
import pandas as pd

import rfm_cuts

path, as_of, out = sys.argv[1], pd.Timestamp(sys.argv[2]), sys.argv[3]
start = time.perf_counter()
df = pd.read_csv(path, sep=";", encoding="utf-8-sig", usecols=[0, 2, 3], header=0,
                 names=["customer", "at", "amount"], dtype=str)
df["at"] = pd.to_datetime(df["at"], format="%d.%m.%Y %H:%M")
df["kop"] = (df["amount"].str.replace(" ", "").str.replace(",", ".").astype(float) * 100).round().astype("int64")
df = df[df["at"] < as_of + pd.Timedelta(days=1)]
g = df.groupby("customer").agg(last=("at", "max"), frequency=("at", "size"), monetary=("kop", "sum"))
g["recency"] = (as_of - g["last"].dt.normalize()).dt.days


def cuts(v):
    counts = v.value_counts().sort_index()
    return rfm_cuts.cuts(counts.index.tolist(), counts.tolist())


def above(v, c):
    return sum((v.to_numpy() > x).astype(int) for x in c)


g["r"] = 5 - above(g["recency"], cuts(g["recency"]))
g["f"] = 1 + above(g["frequency"], cuts(g["frequency"]))
g["m"] = 1 + above(g["monetary"], cuts(g["monetary"]))
seconds = time.perf_counter() - start
g[["recency", "frequency", "monetary", "r", "f", "m"]].sort_index().to_csv(out)
print(f"{seconds:.2f}")
