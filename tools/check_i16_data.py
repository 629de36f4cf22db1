#!/usr/bin/env python3
"""Validate data/i16/* (issue 16) and measure a reference matcher on the corpora.

Checks: column counts, known clauses/classes/kinds/categories/evasion classes,
no duplicates, counts (>= 600 terms, >= 300 lines per corpus), every
purchase_only term has exactly one context rule, phrases normalised (no
space/punctuation, ASCII lower case), and that each excluded line is written
in its evasion class.  Then runs a *reference* matcher (Python; semantics of
data/i16/README.md) and prints precision/recall per half and on the whole.
The traditional->simplified fold here is a small test table (T2S below), NOT
OpenCC; the core must use OpenCC.  Exit status 1 on any error.
"""
import hashlib, re, sys, unicodedata, collections, os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'i16')
CLAUSES = {'第十一条第(一)项', '第十一条第(二)项', '第十一条第(三)项'}
CLASS_CLAUSE = {c: '第十一条第(一)项' for c in (
    'general_funds wages labour_services social_insurance travel training_unrelated meetings '
    'hospitality vehicles utilities property postage_printing office_furniture office_computers '
    'office_equipment consumables communication_fees sms').split()}
CLASS_CLAUSE.update({c: '第十一条第(二)项' for c in (
    'publicity advertising live_streaming account_operation content staffed_operation events '
    'business_operation').split()})
CLASS_CLAUSE['office_premises'] = '第十一条第(三)项'
KINDS = {'always', 'purchase_only'}
ELIGIBLE = {'software_development', 'system_integration', 'operation_maintenance', 'cloud_resource',
            'data_resource', 'security_service', 'crypto_service', 'training', 'supervision', 'consulting'}
INELIGIBLE = {'personnel', 'travel', 'vehicle', 'utilities', 'office_furniture', 'office_computer',
              'consumables', 'telecom', 'sms', 'business_operation', 'office_building_infra'}
EVASION = ['plain', 'spaces', 'ideographic_space', 'zero_width', 'punctuation_inside', 'traditional',
           'full_width', 'synonym', 'colloquial', 'brand_model', 'description_only', 'quantity']
ESCAPES = {'<ZWSP>': '\u200b', '<ZWNJ>': '\u200c', '<ZWJ>': '\u200d', '<WJ>': '\u2060',
           '<SHY>': '\u00ad', '<BOM>': '\ufeff', '<IDSP>': '\u3000', '<NBSP>': '\u00a0'}
WINDOW = 8
NUM = '0123456789〇零一二三四五六七八九十百千万两廿卅卌壹贰叁肆伍陆柒捌玖拾佰仟俩'
# a run starts with a numeral (or 若干); approximations (20多, 十余) continue it
NUM_RUN = '(?:[' + NUM + ']|若干)(?:[' + NUM + ']|若干|[多余来几数])*'
# test-only traditional -> simplified table (covers the corpus; the core uses OpenCC t2s)
T2S = {}
T2S.update({'電': '电', '腦': '脑', '體': '体', '裝': '装', '樓': '楼', '燈': '灯', '團': '团', '檔': '档',
            '點': '点', '鈔': '钞', '驗': '验', '聘': '聘', '臨': '临', '薪': '薪', '資': '资', '險': '险',
            '業': '业', '務': '务', '運': '运', '營': '营', '傳': '传', '廣': '广', '告': '告', '費': '费',
            '發': '发', '維': '维', '護': '护', '紙': '纸', '筆': '笔', '記': '记', '簽': '签', '貼': '贴',
            '墊': '垫', '醫': '医', '療': '疗', '養': '养', '員': '员', '補': '补', '這': '这', '臺': '台',
            '視': '视', '頻': '频', '錄': '录', '號': '号', '線': '线', '話': '话', '訊': '讯', '購': '购',
            '買': '买', '車': '车', '輛': '辆', '機': '机', '關': '关', '幹': '干', '屬': '属', '於': '于',
            '辦': '办', '會': '会', '議': '议', '場': '场', '餐': '餐', '飲': '饮', '宣': '宣', '傳': '传',
            '設': '设', '備': '备', '採': '采', '網': '网', '絡': '络', '寬': '宽', '帶': '带', '櫃': '柜',
            '桌': '桌', '椅': '椅', '傢': '家', '俱': '俱', '繳': '缴', '納': '纳', '勞': '劳', '動': '动',
            '遣': '遣', '戶': '户', '內': '内', '編': '编', '輯': '辑', '攝': '摄', '影': '影', '裝': '装',
            '修': '修', '飾': '饰', '區': '区', '線': '线', '佈': '布', '貴': '贵', '陽': '阳', '畢': '毕',
            '節': '节', '慶': '庆', '獎': '奖', '金': '金', '職': '职', '為': '为', '華': '华', '蘋': '苹',
            '聯': '联', '想': '想', '惠': '惠', '愛': '爱', '麥': '麦', '賓': '宾', '館': '馆', '宿': '宿',
            '機': '机', '票': '票', '郵': '邮', '遞': '递', '費': '费', '印': '印', '刷': '刷', '單': '单',
            '頁': '页', '軟': '软', '體': '体', '鍵': '键', '盤': '盘', '鼠': '鼠', '標': '标', '墨': '墨',
            '碳': '碳', '粉': '粉', '鼓': '鼓', '複': '复', '製': '制', '訂': '订', '閱': '阅', '務': '务',
            '項': '项', '專': '专', '經': '经', '給': '给', '領': '领', '導': '导', '幣': '币', '東': '东',
            '區': '区', '廳': '厅', '處': '处', '級': '级', '長': '长', '門': '门', '鎮': '镇', '縣': '县',
            '鄉': '乡', '據': '据', '庫': '库', '費': '费', '補': '补', '貼': '贴', '彙': '汇', '匯': '汇',
            '質': '质', '權': '权', '臨': '临', '時': '时', '薪': '薪', '酬': '酬', '勵': '励', '績': '绩',
            '效': '效', '獎': '奖', '積': '积', '險': '险', '託': '托', '託': '托', '戶': '户', '頭': '头',
            '條': '条', '帳': '账', '賬': '账', '觀': '观', '學': '学', '習': '习', '訓': '训', '練': '练',
            '團': '团', '建': '建', '層': '层', '監': '监', '檢': '检', '測': '测', '電': '电', '話': '话',
            '櫃': '柜', '書': '书', '架': '架', '層': '层', '簡': '简', '報': '报', '紀': '纪', '錄': '录',
            '熱': '热', '線': '线', '座': '座', '席': '席', '客': '客', '訪': '访', '問': '问', '們': '们',
            '個': '个', '將': '将', '與': '与', '來': '来', '對': '对', '實': '实', '現': '现', '應': '应',
            '並': '并', '後': '后', '從': '从', '為': '为', '無': '无', '請': '请', '過': '过', '還': '还',
            '們': '们', '開': '开', '啟': '启', '動': '动', '顯': '显', '示': '示', '器': '器', '輕': '轻',
            '薄': '薄', '筆': '笔', '電': '电', '攜': '携', '帶': '带', '式': '式', '臺': '台', '顏': '颜',
            '彩': '彩', '噴': '喷', '雷': '雷', '射': '射', '針': '针', '幕': '幕', '布': '布', '投': '投',
            '影': '影', '儀': '仪', '碎': '碎', '傳': '传', '真': '真', '飲': '饮', '水': '水', '調': '调',
            '暖': '暖', '氣': '气', '燃': '燃', '油': '油', '加': '加', '卡': '卡', '護': '护', '養': '养',
            '檢': '检', '險': '险', '過': '过', '路': '路', '橋': '桥', '維': '维', '租': '租', '賃': '赁',
            '務': '务', '業': '业', '費': '费', '稿': '稿', '撰': '撰', '寫': '写', '採': '采', '編': '编',
            '欄': '栏', '營': '营', '運': '运', '帳': '账', '號': '号', '廣': '广', '播': '播', '貨': '货',
            '裝': '装', '樓': '楼', '層': '层', '遷': '迁', '擴': '扩', '弱': '弱', '綜': '综', '合': '合',
            '佈': '布', '線': '线', '慰': '慰', '問': '问', '金': '金', '餐': '餐', '補': '补', '助': '助',
            '誤': '误', '夥': '伙', '伙': '伙', '食': '食', '會': '会', '場': '场', '地': '地', '務': '务',
            '隊': '队', '屆': '届', '談': '谈', '論': '论', '壇': '坛', '觀': '观', '參': '参', '訪': '访',
            '贈': '赠', '禮': '礼', '品': '品', '紀': '纪', '念': '念', '接': '接', '待': '待', '宴': '宴',
            '請': '请', '聽': '听', '專': '专', '題': '题', '講': '讲', '課': '课', '師': '师', '輔': '辅',
            '導': '导', '續': '续', '約': '约', '紙': '纸', '張': '张', '購': '购', '盒': '盒', '袋': '袋',
            '膠': '胶', '釘': '钉', '夾': '夹', '簿': '簿', '計': '计', '算': '算', '機': '机', '錢': '钱',
            '鈔': '钞', '點': '点', '險': '险', '箱': '箱', '頻': '频', '號': '号', '視': '视', '訊': '讯',
            '訊': '讯', '資': '资', '費': '费', '話': '话', '門': '门', '戶': '户', '網': '网', '絡': '络',
            '寬': '宽', '頻': '频', '連': '连', '結': '结', '鏈': '链', '組': '组', '級': '级', '歲': '岁',
            '總': '总', '計': '计', '億': '亿', '萬': '万', '歷': '历', '舊': '旧', '換': '换', '淘': '淘',
            '汰': '汰', '壞': '坏', '損': '损', '訂': '订', '購': '购', '貨': '货', '運': '运', '輸': '输',
            '領': '领', '導': '导', '幹': '干', '部': '部', '職': '职', '工': '工', '們': '们', '個': '个',
            '陳': '陈', '楊': '杨', '劉': '刘', '貨': '货', '圖': '图', '畫': '画', '冊': '册', '傳': '传',
            '單': '单', '橫': '横', '幅': '幅', '語': '语', '欄': '栏', '摺': '折', '頁': '页', '強': '强',
            '屆': '届', '戲': '戏', '劇': '剧', '藝': '艺', '術': '术', '體': '体', '賽': '赛', '獲': '获',
            '獎': '奖', '頒': '颁', '盃': '杯', '舉': '举', '辦': '办', '權': '权', '聯': '联', '絡': '络',
            '鄰': '邻', '區': '区', '園': '园', '廠': '厂', '灣': '湾', '島': '岛', '臺': '台', '車': '车',
            '駕': '驾', '駛': '驶', '員': '员', '軍': '军', '隨': '随', '護': '护', '衛': '卫', '潔': '洁',
            '綠': '绿', '產': '产', '賬': '账', '態': '态', '區': '区'})
T2S = {k: v for k, v in T2S.items() if k != v}

def expand(s):
    for k, v in ESCAPES.items():
        s = s.replace(k, v)
    return s

def normalise(s):
    s = unicodedata.normalize('NFKC', s)
    s = ''.join(T2S.get(c, c) for c in s)
    out = []
    for c in s.casefold():
        cat = unicodedata.category(c)
        if cat[0] in 'ZPSC' or c.isspace():
            continue
        if cat == 'Mn':
            continue
        out.append(c)
    return ''.join(out)

def errors_add(errs, msg):
    errs.append(msg)

def read_tsv(name, ncols, errs):
    rows = []
    path = os.path.join(ROOT, name)
    with open(path, encoding='utf-8', newline='') as f:
        for i, line in enumerate(f, 1):
            if not line.endswith('\n'):
                errs.append(f'{name}:{i}: no final newline')
            line = line.rstrip('\n')
            if '\r' in line:
                errs.append(f'{name}:{i}: CR')
            cols = line.split('\t')
            if len(cols) != ncols:
                errs.append(f'{name}:{i}: {len(cols)} columns, want {ncols}')
                continue
            if any(c == '' for c in cols[:ncols] if True) and name not in ('corpus_legit.tsv', 'corpus_excluded.tsv'):
                errs.append(f'{name}:{i}: empty column')
            rows.append((i, cols))
    return rows

def compile_ctx(spec):
    out = []
    for c in spec.split('|'):
        if c.startswith('<N>'):
            out.append(('num', c[3:]))
        else:
            out.append(('lit', c))
    return out

def ctx_hits(text, s, e, ctxs):
    """distances of context matches to the span [s,e): list of (gap, side)."""
    best = None
    for kind, lit in ctxs:
        if kind == 'lit':
            pat = re.escape(lit)
        else:
            pat = NUM_RUN + re.escape(lit)
        for m in re.finditer(pat, text):
            a, b = m.start(), m.end()
            if kind == 'num':  # the numeral run must be maximal on the left
                while a > 0 and text[a - 1] in NUM:
                    a -= 1
            if b <= s and s - b <= WINDOW:
                g = (s - b, 1)
            elif a >= e and a - e <= WINDOW:
                g = (a - e, 0)
            else:
                continue
            if best is None or g < best:
                best = g
    return best

class Matcher:
    def __init__(self, terms, rules):
        self.terms = terms        # term -> (clause, class, kind)
        self.rules = rules        # term -> (allow, deny, default)
        self.by_len = sorted(terms, key=len, reverse=True)

    def scan(self, text):
        """first refused occurrence: (start, end, term) or None."""
        occ = []
        for t in self.terms:
            i = text.find(t)
            while i >= 0:
                occ.append((i, i + len(t), t))
                i = text.find(t, i + 1)
        hits = []
        for s, e, t in occ:
            clause, cls, kind = self.terms[t]
            if kind == 'purchase_only':
                if any(s2 <= s and e <= e2 and (e2 - s2) > (e - s) for s2, e2, _ in occ):
                    continue
                allow, deny, default = self.rules[t]
                a = ctx_hits(text, s, e, allow)
                d = ctx_hits(text, s, e, deny)
                if d is None and a is None:
                    refuse = default == 'refuse'
                elif d is None:
                    refuse = False
                elif a is None:
                    refuse = True
                else:
                    refuse = d[0] < a[0]      # tie -> allow
                if not refuse:
                    continue
            hits.append((e, -(e - s), s, t))
        if not hits:
            return None
        e, _, s, t = min(hits)
        return s, e, t

    def check(self, name, desc):
        for field in (name, desc):
            r = self.scan(normalise(expand(field)))
            if r:
                return r[2]
        return None

def half(line):
    return 'build' if int(hashlib.sha256(line.encode('utf-8')).hexdigest()[:8], 16) % 2 == 0 else 'held_out'

def main():
    errs = []
    # ---- terms
    trows = read_tsv('excluded_terms.tsv', 4, errs)
    terms = {}
    for i, (t, clause, cls, kind) in trows:
        if t in terms:
            errs.append(f'excluded_terms.tsv:{i}: duplicate {t}')
        if clause not in CLAUSES:
            errs.append(f'excluded_terms.tsv:{i}: clause {clause}')
        if cls not in CLASS_CLAUSE:
            errs.append(f'excluded_terms.tsv:{i}: class {cls}')
        elif CLASS_CLAUSE[cls] != clause:
            errs.append(f'excluded_terms.tsv:{i}: class {cls} is {CLASS_CLAUSE[cls]}, not {clause}')
        if kind not in KINDS:
            errs.append(f'excluded_terms.tsv:{i}: kind {kind}')
        if normalise(t) != t:
            errs.append(f'excluded_terms.tsv:{i}: {t!r} is not normalised ({normalise(t)!r})')
        terms[t] = (clause, cls, kind)
    old = {l.split('\t')[0] for l in open(os.path.join(ROOT, '..', 'excluded_terms.tsv'), encoding='utf-8')}
    missing_old = {normalise(t) for t in old} - set(terms)
    if missing_old:
        errs.append(f'excluded_terms.tsv: lacks existing terms {sorted(missing_old)}')
    if len(terms) < 600:
        errs.append(f'excluded_terms.tsv: {len(terms)} terms < 600')
    # ---- rules
    rrows = read_tsv('context_rules.tsv', 4, errs)
    rules = {}
    for i, (t, allow, deny, default) in rrows:
        if t in rules:
            errs.append(f'context_rules.tsv:{i}: duplicate {t}')
        if t not in terms or terms[t][2] != 'purchase_only':
            errs.append(f'context_rules.tsv:{i}: {t} is not a purchase_only term')
        if default not in ('refuse', 'pass'):
            errs.append(f'context_rules.tsv:{i}: default {default}')
        for c in allow.split('|') + deny.split('|'):
            lit = c[3:] if c.startswith('<N>') else c
            if not lit or normalise(lit) != lit or '<' in lit:
                errs.append(f'context_rules.tsv:{i}: bad context {c!r}')
        if set(allow.split('|')) & set(deny.split('|')):
            errs.append(f'context_rules.tsv:{i}: context both allow and deny')
        rules[t] = (compile_ctx(allow), compile_ctx(deny), default)
    for t, (_, _, kind) in terms.items():
        if kind == 'purchase_only' and t not in rules:
            errs.append(f'purchase_only term {t} has no rule')
    m = Matcher(terms, rules)
    # ---- corpora
    lrows = read_tsv('corpus_legit.tsv', 3, errs)
    xrows = read_tsv('corpus_excluded.tsv', 5, errs)
    seen = set()
    legit = []
    for i, cols in lrows:
        cat, name, desc = cols
        if cat not in ELIGIBLE:
            errs.append(f'corpus_legit.tsv:{i}: category {cat} not eligible')
        if not name:
            errs.append(f'corpus_legit.tsv:{i}: empty name')
        key = normalise(name + desc)
        if key in seen:
            errs.append(f'corpus_legit.tsv:{i}: duplicate {name}')
        seen.add(key)
        legit.append(('\t'.join(cols), cols))
    seen = set()
    excl = []
    for i, cols in xrows:
        ev, cat, name, desc, clause = cols
        if ev not in EVASION:
            errs.append(f'corpus_excluded.tsv:{i}: class {ev}')
        if cat not in ELIGIBLE | INELIGIBLE:
            errs.append(f'corpus_excluded.tsv:{i}: category {cat}')
        if clause not in CLAUSES:
            errs.append(f'corpus_excluded.tsv:{i}: clause {clause}')
        raw = '\t'.join(cols)
        if raw in seen:
            errs.append(f'corpus_excluded.tsv:{i}: duplicate line')
        seen.add(raw)
        text = expand(name + desc)
        ok = {'spaces': ' ' in text, 'ideographic_space': '\u3000' in text,
              'zero_width': any(c in text for c in '\u200b\u200c\u200d\u2060\u00ad\ufeff'),
              'full_width': any('\uff01' <= c <= '\uff5e' for c in text),
              'traditional': any(c in T2S for c in text),
              'quantity': re.search('[' + NUM + '](台|部|套|辆|个|把|张|本)', normalise(text)) is not None,
              'description_only': cat in ELIGIBLE and desc != '',
              'punctuation_inside': any(unicodedata.category(c)[0] in 'PS' for c in text)}.get(ev, True)
        if not ok:
            errs.append(f'corpus_excluded.tsv:{i}: line is not written in class {ev}')
        if ev == 'description_only' and m.check(name, '') is not None:
            errs.append(f'corpus_excluded.tsv:{i}: description_only line refused by its name alone')
        excl.append((raw, cols))
    if len(legit) < 300:
        errs.append(f'corpus_legit.tsv: {len(legit)} < 300 lines')
    if len(excl) < 300:
        errs.append(f'corpus_excluded.tsv: {len(excl)} < 300 lines')
    # ---- measure
    res = collections.defaultdict(lambda: collections.Counter())
    fps, fns, wrong = [], [], []
    for raw, (cat, name, desc) in legit:
        h = half(raw)
        t = m.check(name, desc)
        for k in (h, 'whole'):
            res[k]['fp' if t else 'tn'] += 1
        if t:
            fps.append((h, name, desc, t))
    per_class = collections.defaultdict(collections.Counter)
    for raw, (ev, cat, name, desc, clause) in excl:
        h = half(raw)
        t = m.check(name, desc)
        hit = t is not None
        for k in (h, 'whole'):
            res[k]['tp' if hit else 'fn'] += 1
        per_class[ev]['n'] += 1
        per_class[ev]['hit'] += hit
        if not hit:
            fns.append((h, ev, name, desc))
        elif terms[t][0] != clause:
            wrong.append((ev, name, desc, t, terms[t][0], clause))
    print(f'terms {len(terms)} ({sum(1 for v in terms.values() if v[2] == "purchase_only")} purchase_only), '
          f'rules {len(rules)}, legit {len(legit)}, excluded {len(excl)}')
    for k, c in collections.Counter(v[1] for v in terms.values()).most_common():
        print(f'  class {k:20s} {c}')
    for k in ('build', 'held_out', 'whole'):
        c = res[k]
        p = c['tp'] / (c['tp'] + c['fp']) if c['tp'] + c['fp'] else 1.0
        r = c['tp'] / (c['tp'] + c['fn']) if c['tp'] + c['fn'] else 1.0
        print(f'{k:9s} legit {c["tn"] + c["fp"]:4d} excluded {c["tp"] + c["fn"]:4d}  '
              f'precision {p:.3f} recall {r:.3f} (fp {c["fp"]}, fn {c["fn"]})')
    for ev in EVASION:
        c = per_class[ev]
        print(f'  evasion {ev:20s} {c["n"]:3d} lines, refused {c["hit"]}')
    for x in fps:
        print('FP', *x)
    for x in fns:
        print('FN', *x)
    for x in wrong:
        print('CLAUSE', *x)
    for e in errs:
        print('ERROR', e)
    return 1 if errs else 0

if __name__ == '__main__':
    sys.exit(main())
