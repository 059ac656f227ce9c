import random, json, regex as re, sys
sys.path.insert(0,"/work/scratch")
from sel20 import docs, text
rng=random.Random(2061)
QTY=re.compile(r"(?:[0-9０-９.．]+|百分之[一二三四五六七八九十点零]+|[一二三四五六七八九十百千万亿两几]+)(?!年|月|日|号|届|次会|是|、|）)(?:多|余)?[个项万亿吨元公里所家人倍成件台套辆户座条%％平方米千瓦斤头只处名种批]")
RUN=re.compile(r"[\p{Han}0-9]{8,}")
def anchor_at(t, i, minlen=12):
    for m in RUN.finditer(t,i):
        j=m.start(); n=min(minlen,m.end()-j)
        while n<=m.end()-j:
            a=t[j:j+n]
            if t.count(a)==1: return a
            n+=1
    return None
out={}
for doc in docs:
    t=text(doc); sel=[]
    if doc.startswith("gov-report"):
        lines=[l for l in t.split("\n") if len(l)>=40 and len(QTY.findall(l))>=2]
        lines=rng.sample(lines,min(5,len(lines)))
        lines.sort(key=t.index)
        for l in lines:
            n=8; a=l[:n]
            while sum(1 for x in t.split("\n") if x.startswith(a))>1: n+=1; a=l[:n]
            sel.append({"anchor":a,"chars":len(l),"qty":len(QTY.findall(l))})
    else:
        body=max(t.split("\n"),key=len); off=t.index(body)
        sents=[m for m in re.finditer(r"[^。；]*[。；]",body)]
        cands=[k for k in range(len(sents)-4) if QTY.search("".join(s.group() for s in sents[k:k+4]))]
        picked=[]
        for k in rng.sample(cands,len(cands)):
            if all(abs(k-p)>=5 for p in picked): picked.append(k)
            if len(picked)==3: break
        for k in sorted(picked):
            a=anchor_at(t, off+sents[k].start()); u=anchor_at(t, off+sents[k+4].start(), 8)
            s0=t.index(a); e0=t.index(u,s0)
            seg=t[s0:e0]
            sel.append({"anchor":a,"until":u,"chars":len(seg),"qty":len(QTY.findall(seg))})
    out[doc]=sel
json.dump(out,open("/work/scratch/gold20_selection.json","w"),ensure_ascii=False,indent=1)
for d,s in out.items(): print(d, [(x["chars"],x["qty"]) for x in s], [x["anchor"] is None or x.get("until",1) is None for x in s])
print(sum(x["qty"] for s in out.values() for x in s), sum(x["chars"] for s in out.values() for x in s))
