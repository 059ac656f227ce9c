import pandas as pd, regex as re, sys
D=sys.argv[1] if len(sys.argv)>1 else "/tmp/m-r21x"
docs="gov-report-1979 gov-report-1980 gov-report-1981 gov-report-1982 gov-report-1983 gov-report-1988 gov-report-1992 gov-report-1993 gov-report-1998 gov-report-1999 gov-report-2001 fujian-zwgk-tasks-2016 fujian-zwgk-tasks-2018 pingtan-zwgk-tasks-2018".split()
NUM=re.compile(r"[0-9０-９]+|百分之|[一二三四五六七八九十百千万亿两]+(?:个|项|万|亿|吨|元|公里|所|家|人|倍|成)")
def text(doc):
    return pd.read_parquet(f"{D}/documents/{doc}.parquet").text.iloc[0]
if __name__=="__main__":
  for doc in docs:
    t=text(doc)
    lines=t.split("\n")
    nl=[l for l in lines if NUM.search(l)]
    print(doc,len(t),len(lines),len(nl), max(len(l) for l in lines), sum(len(NUM.findall(l)) for l in nl))
