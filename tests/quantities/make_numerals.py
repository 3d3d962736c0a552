#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Writes tests/quantities/numerals.tsv (python3 tests/quantities/make_numerals.py > tests/quantities/numerals.tsv):
# numerals in every form of issue 10 item 1, written for this file (the forms are those the
# numeral libraries document: Duckling, Recognizers-Text, cn2an, JioNLP; no case is taken
# from their tests). Expected values are computed here, independently of zhscan: a small
# Chinese numeral writer of our own for the generated integers, exact fractions elsewhere.
#
# Two kinds of lines (check.py tells them by their column count):
#   text  value  status                      `zhscan number` reads the whole line as `value`
#                                            (a decimal, or p/q for a fraction that does not
#                                            terminate)
#   text  span  value  unit  base  base_unit  approx  status    as in cases.tsv (`zhscan metrics`)
from fractions import Fraction as F
import random

rows = []


def num(text, value, status='ok'):
    rows.append('\t'.join([text, str(value), status]))


def met(text, span, value, unit, base, bunit, approx='-', status='ok'):
    rows.append('\t'.join([text, span, value, unit, base, bunit, approx, status]))


def dec(x):
    """Exact decimal text of a terminating fraction, else p/q."""
    x = F(x)
    d = x.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d != 1:
        return '%d/%d' % (x.numerator, x.denominator)
    from decimal import Decimal, getcontext
    getcontext().prec = 60
    s = format((Decimal(x.numerator) / Decimal(x.denominator)).normalize(), 'f')
    if '.' in s:
        s = s.rstrip('0').rstrip('.')
    return s


# ---------------------------------------------------------------------------------------
# A Chinese numeral writer (ours): digits, units, zero rules of written Chinese.
STYLES = {
    'lower': ('零一二三四五六七八九', '十百千', '万亿'),
    'upper': ('零壹贰叁肆伍陆柒捌玖', '拾佰仟', '万亿'),
    'trad': ('零一二三四五六七八九', '十百千', '萬億'),
    'upper_trad': ('零壹貳參肆伍陸柒捌玖', '拾佰仟', '萬億'),
}


def section(n, digits, units, lead_ten):
    """0 < n < 10000 as a section; `lead_ten` drops the one of a leading ten."""
    out = ''
    ds = [n // 1000 % 10, n // 100 % 10, n // 10 % 10, n % 10]
    zero = False
    started = False
    for i, d in enumerate(ds):
        place = 3 - i
        if d == 0:
            if started:
                zero = True
            continue
        if zero:
            out += digits[0]
            zero = False
        if not (lead_ten and not started and place == 1 and d == 1):
            out += digits[d]
        if place:
            out += units[place - 1]
        started = True
    return out


def han(n, style='lower', liang=False):
    digits, units, big = STYLES[style]
    if n == 0:
        return digits[0]
    parts = [(n // 10**8, big[1]), (n // 10**4 % 10**4, big[0]), (n % 10**4, '')]
    out = ''
    prev_nonzero = False
    need_zero = False
    for k, (v, u) in enumerate(parts):
        if v == 0:
            if prev_nonzero:
                need_zero = True
            continue
        if v >= 10**4:  # the Yi part beyond 9999 (below 10^16): wan inside it
            s = han(v, style)
        else:
            s = section(v, digits, units, lead_ten=(style in ('lower', 'trad') and not out))
            if prev_nonzero and (need_zero or v < 1000):
                s = digits[0] + s
        out += s + u
        need_zero = False
        prev_nonzero = True
    if liang and out.startswith(digits[2]) and len(out) > 1 and out[1] in units[1:] + big:
        out = ('两' if style in ('lower', 'upper') else '兩') + out[1:]
    return out


# ---------------------------------------------------------------------------------------
# 1. Han numerals written out, every style (generated integers, fixed seed)
random.seed(10)
ints = [0, 1, 2, 7, 10, 11, 15, 20, 21, 99, 100, 101, 105, 110, 111, 120, 999, 1000, 1001, 1010,
        1100, 2008, 9999, 10000, 10001, 10010, 10100, 10500, 11000, 100000, 100010, 101000,
        120000, 1000000, 1000054, 1230000, 10000000, 20300000, 100000000, 100000001,
        100001000, 120000000, 1234567890, 3000000000000, 9999999999999999]
ints += [random.randrange(10, 10**4) for _ in range(12)]
ints += [random.randrange(10**4, 10**8) for _ in range(12)]
ints += [random.randrange(10**8, 10**13) for _ in range(8)]
for n in ints:
    num(han(n), n)
for n in ints[::3]:
    num(han(n, 'upper'), n)
    num(han(n, 'trad'), n)
    num(han(n, 'upper_trad'), n)
for n in [200, 2000, 2300, 20000, 2000000, 200000000, 2500]:
    num(han(n, liang=True), n)
    num(han(n, 'trad', liang=True), n)

# 2. Forms of the issue and of the libraries' documentation, written by hand
for t, v in [
        # colloquial abbreviation, omitted leading one, bare units
        ('一百十一', 111), ('一百十', 110), ('百三', 130), ('百二', 120), ('两千三', 2300),
        ('三万五', 35000), ('一亿五', 150000000), ('千一', 1100), ('千三', 1300), ('千五', 1500),
        ('萬九', 19000), ('万五', 15000), ('百二萬', 1200000), ('拾', 10), ('拾壹', 11), ('十一', 11),
        ('百', 100), ('千', 1000), ('万', 10000), ('亿', 100000000), ('萬', 10000), ('佰', 100),
        ('万万', 100000000), ('十万八千', 108000), ('二十万亿', 20 * 10**12), ('一万零五百', 10500),
        ('一千零一', 1001), ('一万零一', 10001), ('十万零一十', 100010),
        ('廿', 20), ('卅', 30), ('卌', 40), ('廿五', 25), ('卅六', 36), ('卌二', 42),
        ('两', 2), ('兩', 2), ('俩', 2), ('倆', 2), ('仨', 3), ('两百', 200), ('兩百萬', 2000000),
        ('二〇二三', 2023), ('二O二三', 2023), ('一九九八', 1998), ('二零零八', 2008), ('一二三', 123), ('〇点五', F(1, 2)),
        ('壹贰叁', 123), ('壹佰贰拾叁', 123), ('壹仟玖佰', 1900), ('叁拾', 30), ('貳拾參', 23),
        ('陸佰', 600), ('柒萬', 70000), ('捌仟捌佰捌拾捌', 8888), ('玖億', 900000000), ('肆拾肆', 44),
        ('壹佰万零伍拾肆', 1000054), ('一百万零五十四', 1000054), ('伍拾', 50), ('叄拾', 30),
        # Arabic and mixed
        ('3万4000', 34000), ('25万6千', 256000), ('2千零30万', 20300000), ('2千零30', 2030),
        ('1.2万亿', 1200000000000), ('12亿3456万', 1234560000), ('0.5万', 5000), ('3.5万', 35000),
        ('1百23', 123), ('5百20', 520), ('3千500', 3500), ('1千2百', 1200), ('3千万', 30000000),
        ('3千5百万', 35000000), ('1.5亿', 150000000), ('13.73万', 137300), ('1亿2000万', 120000000),
        ('100万', 1000000), ('2.01万', 20100), ('0.8亿', 80000000), ('7万5千4百', 75400),
        ('１２３', 123), ('１２．５', F(25, 2)), ('１，２３４', 1234), ('１２万', 120000),
        ('1,234,567', 1234567), ('1，234', 1234), ('1,234.56', F(123456, 100)), ('12,345,678', 12345678),
        ('0.001', F(1, 1000)), ('007', 7), ('3.14159', F(314159, 100000)),
        # Latin magnitudes and notation
        ('15k', 15000), ('100K', 100000), ('3M', 3000000), ('1.2M', 1200000), ('.0012G', 1200000),
        ('30w', 300000), ('2.5w', 25000), ('2e5', 200000), ('-127.32e13', -1273200000000000),
        ('2.5e-3', F(25, 10000)), ('1E3', 1000), ('.77', F(77, 100)), ('-.5', F(-1, 2)), ('3T', 3 * 10**12),
        ('１５Ｋ', 15000), ('２Ｍ', 2000000), ('8G', 8000000000), ('0.5k', 500),
        # decimals
        ('三点一四', F(314, 100)), ('三點一四', F(314, 100)), ('零点五', F(1, 2)), ('零點77', F(77, 100)),
        ('零点零五', F(5, 100)), ('十二点五', F(25, 2)), ('十点零一', F(1001, 100)), ('一点二三', F(123, 100)),
        ('1点5', F(3, 2)), ('零点05', F(5, 100)), ('三点五亿', 350000000), ('二点五万', 25000),
        # negatives
        ('负五', -5), ('負五', -5), ('负一百二十三', -123), ('零下五', -5), ('零下5.5', F(-11, 2)),
        ('-5', -5), ('－5', -5), ('−5', -5), ('负1.5万', -15000), ('负零点五', F(-1, 2)), ('-3/4', F(-3, 4)),
        ('负三分之一', F(-1, 3)), ('零下十二', -12), ('+5', 5), ('－１２．５', F(-25, 2)),
        # fractions and percents
        ('三分之一', F(1, 3)), ('五分之一', F(1, 5)), ('四分之三', F(3, 4)), ('3/4', F(3, 4)), ('3/2', F(3, 2)),
        ('３／５', F(3, 5)), ('百分之五', F(5, 100)), ('百分之十二点五', F(125, 1000)),
        ('千分之二点五', F(25, 10000)), ('万分之三', F(3, 10000)), ('百分之百', 1), ('3分之1', F(1, 3)),
        ('一又二分之一', F(3, 2)), ('3又千分之23', F(3023, 1000)), ('二又三分之二', F(8, 3)),
        ('3 1/2', F(7, 2)), ('1 3/4', F(7, 4)), ('五分一', F(1, 5)), ('十分三', F(3, 10)),
        ('5%', F(5, 100)), ('12.5%', F(125, 1000)), ('３％', F(3, 100)), ('100%', 1), ('3‰', F(3, 1000)),
        ('百分之2.4', F(24, 1000)),
        # half, counting words, N ge
        ('半', F(1, 2)), ('一半', F(1, 2)), ('半个', F(1, 2)), ('一个半', F(3, 2)), ('两个半', F(5, 2)),
        ('三个', 3), ('十个', 10), ('一打', 12), ('两打', 24), ('半打', 6), ('一对', 2), ('三对', 6),
        ('一双', 2), ('一雙', 2), ('三双', 6), ('半百', 50), ('半万', 5000),
        # lower bounds: duo / yu before a magnitude
        ('十余万', 100000), ('三千多万', 30000000), ('3000多万', 30000000), ('二十多亿', 2000000000),
        ('1000余万', 10000000), ('五十多万', 500000), ('五百余', 500), ('一百五十多', 150), ('30多', 30),
        # an Arabic digit before shi (cn2an's mixed spelling)
        ('1千2百3十4', 1234), ('3十4', 34), ('5十', 50), ('2百5十', 250), ('两千零一十八', 2018),
        ('贰仟零壹拾捌', 2018), ('一千二百三十四万五千六百七十八', 12345678), ('壹拾万', 100000),
        ('十二点五万', 125000), ('五十%', F(1, 2)), ('９佰', 900), ('82，225.00', 82225), ('１，２３４，５６７', 1234567),
        ('1,000.5', F(2001, 2)), ('二十个', 20), ('０．５', F(1, 2)), ('负百分之五', F(-5, 100)),
        # ordinals
        ('第一百零一', 101), ('第3', 3), ('第十', 10), ('第二十一', 21), ('第１２', 12), ('第一千', 1000),
        ('第廿', 20),
        # spaced out (PDF, OCR)
        ('一 百 五 十', 150), ('百 分 之 2.4', F(24, 1000)), ('7 万5 千4 百', 75400), ('负 1,200,000', -1200000),
        ('十 余 万', 100000), ('3 万', 30000), ('两 千 三 百', 2300), ('零 点 五', F(1, 2)),
        ('三 分 之 一', F(1, 3)), ('第 十 二', 12), ('1 2 0 0 万', 12000000), ('1.5 亿', 150000000),
]:
    num(t, dec(v))

# the same values with blanks around (trimmed)
for t, v in [(' 两万三千 ', 23000), ('\u3000十二\u3000', 12)]:
    num(t, v)

# known gaps (documented by a library, not read yet)
for t, v in [('一兆', 10**12), ('幺幺零', 110), ('15 k', 15000), ('拾万', 100000),
             ('百分之负五', F(-5, 100)), ('亿万', 10**12)]:
    num(t, dec(v), 'gap')

# ---------------------------------------------------------------------------------------
# 3. Numerals inside metrics
M = met
for n, v in [('15k', 15000), ('15K', 15000), ('1.5k', 1500), ('3M', 3000000), ('30w', 300000),
             ('1.2w', 12000), ('2G', 2000000000)]:
    M('预算为%s元。' % n, n + '元', dec(v), '元', dec(v), 'CNY')
M('合同金额3M美元。', '3M美元', '3000000', '美元', '3000000', 'USD')
M('全年到访2k人次。', '2k人次', '2000', '人次', '2000', '人次')
M('投资1.2万亿元。', '1.2万亿元', '1200000000000', '元', '1200000000000', 'CNY')
M('利润7万5千4百元。', '7万5千4百元', '75400', '元', '75400', 'CNY')
M('利润5千4百元。', '5千4百元', '5400', '元', '5400', 'CNY')
M('投资1亿5千万元。', '1亿5千万元', '150000000', '元', '150000000', 'CNY')
M('投资3亿2450万元。', '3亿2450万元', '324500000', '元', '324500000', 'CNY')
for t, v in [('一百十一', 111), ('二百', 200), ('两千三百', 2300), ('三万五千', 35000), ('一百零五', 105),
             ('十二', 12), ('壹佰贰拾叁', 123), ('廿五', 25), ('十万八千', 108000), ('一千零一', 1001)]:
    M('新建学校%s所。' % t, t + '所', str(v), '所', str(v), '所')
    M('共有职工%s人。' % t, t + '人', str(v), '人', str(v), '人')
for t, v in [('3.5', '3.5'), ('三点五', '3.5'), ('１２．５', '12.5'), ('1,234', '1234'), ('1，234', '1234')]:
    M('道路全长%s公里。' % t, t + '公里', v, '公里', dec(F(v) * 1000), 'm')
M('气温降至零下5度。', '零下5度', '-5', '度', '-5', '°C', status='gap')
M('利润为负1,200,000元。', '负1,200,000元', '-1200000', '元', '-1200000', 'CNY')
M('利润为－3万元。', '－3万元', '-30000', '元', '-30000', 'CNY')
M('出生率为千分之二点五。', '千分之二点五', '2.5', '‰', '0.25', '%')
M('增长了百分之十二点五。', '百分之十二点五', '12.5', '%', '12.5', '%')
M('员工十余万人。', '十余万人', '100000', '人', '100000', '人', 'more_than')
M('投资三千多万元。', '三千多万元', '30000000', '元', '30000000', 'CNY', 'more_than')
M('增长三点一四个百分点。', '三点一四个百分点', '3.14', '个百分点', '3.14', 'pp')
M('长三点一四米。', '三点一四米', '3.14', '米', '3.14', 'm')
M('增长十二点三五%。', '十二点三五%', '12.35', '%', '12.35', '%')
M('增长零點77%。', '零點77%', '0.77', '%', '0.77', '%')
M('增长零点5%。', '零点5%', '0.5', '%', '0.5', '%')
M('下午三点15分开会。', '三点15分', '-', '-', '-', '-', '-', 'none')
M('凌晨零点30分出发。', '零点30分', '-', '-', '-', '-', '-', 'none')
M('占一又二分之一。', '一又二分之一', '1.5', '-', '-', '-')
M('占3又4分之1。', '3又4分之1', '3.25', '-', '-', '-')
M('投资2千零30万元。', '2千零30万元', '20300000', '元', '20300000', 'CNY')
M('共有5百零8人。', '5百零8人', '508', '人', '508', '人')
M('来了俩人。', '俩人', '2', '人', '2', '人', status='gap')
M('来了仨人。', '仨人', '3', '人', '3', '人', status='gap')
M('增长3又千分之23。', '3又千分之23', '3.023', '-', '-', '-', status='gap')
# spaced-out lines (a space after every character, as PDF extraction gives them)
M('增 长 百 分 之 2.4 ， 利 润 7 万 5 千 4 百 元', '7 万 5 千 4 百 元', '75400', '元', '75400', 'CNY')
M('增 长 百 分 之 2.4 ， 利 润 增 加', '百 分 之 2.4', '2.4', '%', '2.4', '%')
M('营 收 增 长 一 百 五 十 个 百 分 点', '一 百 五 十 个 百 分 点', '150', '个百分点', '150', 'pp')
M('亏 损 负 1,200,000 元 ， 比 上 年 减 少', '负 1,200,000 元', '-1200000', '元', '-1200000', 'CNY')
M('全 省 员 工 十 余 万 人 参 加', '十 余 万 人', '100000', '人', '100000', '人', 'more_than')
M('全 年 完 成 投 资 3 . 5 亿 元', '3 . 5 亿 元', '350000000', '元', '350000000', 'CNY')
M('全 年 完 成 投 资 1 2 0 0 万 元', '1 2 0 0 万 元', '12000000', '元', '12000000', 'CNY')
M('新 建 学 校 两 千 三 百 所', '两 千 三 百 所', '2300', '所', '2300', '所')
M('道 路 全 长 1.5 公 里', '1.5 公 里', '1.5', '公里', '1500', 'm')
# ordinary lines: a space separates
M('共有 2 3 个小组参加。', '3 个', '3', '个', '3', '个')
M('本次共 12 人参加。', '12 人', '12', '人', '12', '人')
M('买了4K电视。', '4K', '-', '-', '-', '-', '-', 'none')
M('5G手机销量大增。', '5G', '-', '-', '-', '-', '-', 'none')
M('3M公司发布财报。', '3M', '-', '-', '-', '-', '-', 'none')

print('# Numeral forms of issue 10 item 1 (written for this file; generated by make_numerals.py).')
print('# 3 columns: text, value, status -> `zhscan number`; 8 columns: as cases.tsv -> `zhscan metrics`.')
print('\n'.join(rows))
