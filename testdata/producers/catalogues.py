#!/usr/bin/python3
"""Producer fixtures for the lianfang importer: the single source of truth.

The catalogues below are plain Python dicts holding the values a cleaned
reader must return (trimmed, enum values canonical).  Where a cell is written
differently from its clean value (an alias, stray spaces, a line break,
full-width digits, a formula), the dict carries a ``raw`` override: the writer
puts the raw text in the cell and the expected JSON keeps the clean value.

    /usr/bin/python3 catalogues.py OUTDIR

writes OUTDIR/openpyxl/<case>.xlsx and OUTDIR/expected/<case>.json.  The
expected JSON is built from the dicts and the row positions the writer chose;
it is never read back from a produced file.  make.sh then converts the
openpyxl files with LibreOffice and gnumeric.

Needs openpyxl (Debian python3-openpyxl); run with /usr/bin/python3.
"""

import datetime
import io
import json
import os
import re
import sys
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

# ---------------------------------------------------------------------------
# Columns

# canonical key -> canonical header (SPEC §2), template order
CANON = [
    ("seq", "序号"), ("level", "职权层级"), ("kind", "职权类别"), ("name", "职权名称"),
    ("basis", "职权依据"), ("dept", "承办科室"), ("post", "行使岗位"), ("scope", "公开范围"),
    ("form", "公开形式"), ("source", "风险源"), ("point", "风险点"), ("harm", "危害性"),
    ("grade", "风险等级"), ("measures", "防控措施"), ("owner", "责任人"), ("note", "备注"),
]
# the one-column (statement) layout: 廉政风险点 instead of the three parts
STATEMENT_COLS = [c for c in CANON if c[0] not in ("source", "point", "harm")]
STATEMENT_COLS.insert(9, ("statement", "廉政风险点"))

POWER_KEYS = ["seq", "level", "kind", "name", "basis", "dept", "post", "scope", "form", "note"]
RISK_KEYS = ["source", "point", "harm", "statement", "grade", "measures", "owner"]

U, D, P = "单位职权", "内设部门职权", "岗位职权"
EXT, INT = "外部职权", "内部职权"
PUB, INSIDE = "面向社会", "单位内部"


def power(seq, level, kind, name, basis, dept, scope, form, risks, post="", note="", **kw):
    p = dict(seq=str(seq), level=level, kind=kind, name=name, basis=basis, dept=dept,
             post=post, scope=scope, form=form, note=note, risks=risks)
    p.update(kw)
    return p


def risk(source, point, harm, grade, measures, owner, statement="", **kw):
    r = dict(source=source, point=point, harm=harm, statement=statement, grade=grade,
             measures=measures, owner=owner)
    r.update(kw)
    return r


def srisk(statement, parts, grade, measures, owner, **kw):
    """A one-column risk: the statement as written and its three parts
    (hand-written, without labels)."""
    return risk(parts[0], parts[1], parts[2], grade, measures, owner, statement=statement, **kw)


# ---------------------------------------------------------------------------
# Case 1: clean — 城关第一小学, a complete, correct 小学 catalogue

CLEAN_UNIT = dict(name="城关第一小学", type="小学", reporter="李明", phone="023-46712345",
                  date="2026-11-20", **{"from": "label"})

CLEAN = [
    # ---- external powers (外部职权), all 面向社会
    power(1, U, EXT, "一年级新生招生录取", "《中华人民共和国义务教育法》第十二条", "教导处", PUB, "网站、公告",
          layout="merge", risks=[
              risk("因受人情干扰或收受家长财物", "在划片招生中违规招收片区外学生或擅自提高入学条件",
                   "损害教育公平,引发群众投诉和不良社会影响", "高",
                   "严格执行划片就近入学政策,招生计划、条件和录取名单在学校网站公示", "张志强"),
              risk("因入学材料审核把关不严", "对户籍、房产等证明材料核查不细,使用虚假材料的学生被录取",
                   "挤占片区适龄儿童学位,损害学校招生公信力", "高",
                   "入学材料实行教导处初审、招生领导小组复核双人签字制度", "王丽"),
          ]),
    power(2, U, EXT, "家庭经济困难学生资助资金发放", "《中华人民共和国教育法》第三十八条", "德育处、财务室", PUB,
          "网站、校务公开栏", risks=[
              risk("因评审程序不透明或优亲厚友", "资助对象认定中弄虚作假,截留、挪用或虚报冒领资助资金",
                   "使真正困难的学生得不到资助,损害惠民政策的形象", "高",
                   "资助名单经班级评议、学校审核后公示不少于5个工作日,资金通过银行卡直接发放到户", "黄磊"),
          ]),
    power(3, D, EXT, "学生转学申请审核", "《中小学生学籍管理办法》第十三条", "教导处", PUB, "网站、校务公开栏",
          risks=[
              risk("因工作责任心不强或收受家长好处", "对不符合条件的转学申请予以办理,或故意拖延办理转学手续",
                   "扰乱正常学籍管理秩序,损害学生和家长合法权益", "中",
                   "转学条件和办理流程在校务公开栏公示,转学材料由学籍管理员和教导主任双人审核", "王丽"),
          ]),
    power(4, D, EXT, "教辅材料征订审核", "《中小学教辅材料管理办法》第十二条", "教导处", PUB, "公告、校务公开栏",
          risks=[
              risk("因受书商利诱或收受回扣", "违规统一征订或推荐教辅材料,超出规定范围征订",
                   "加重学生课业和家庭经济负担,损害教师队伍形象", "中",
                   "教辅征订坚持家长自愿原则,征订目录和结果在校务公开栏公示并接受家委会监督", "王丽"),
          ]),
    power(5, D, EXT, "学生评优评先推荐", "《中华人民共和国教育法》第二十九条", "德育处", PUB, "网站、校务公开栏",
          risks=[
              risk("因评选标准不明确或受人情关系影响", "评优评先推荐中暗箱操作,推荐名额向少数学生倾斜",
                   "挫伤学生积极性,引发家长对学校公正性的质疑", "中",
                   "评选条件提前公布,推荐结果经班级民主评议后在校务公开栏公示", "黄磊"),
          ]),
    power(6, D, EXT, "校舍维修工程招标", "《中华人民共和国招标投标法》第十条", "总务处", PUB, "网站、公告",
          risks=[
              risk("因与投标单位存在利益关系", "在招标中设置倾向性条件或泄露标底,搞明招暗定",
                   "造成工程质量隐患和国有资金损失", "高",
                   "维修工程委托招标代理机构公开招标,评标全程留痕并接受纪检监督", "赵刚"),
          ]),
    # ---- internal powers (内部职权), after the external ones; the four 三重一大 first
    power(7, U, INT, "学校重大决策事项审定", "《中华人民共和国义务教育法》第二十六条", "校长室", INSIDE, "会议、文件",
          layout="merge", merge_owner=True, risks=[
              risk("因主要负责人独断专行", "重大事项未经领导班子集体研究即作出决定",
                   "造成决策失误,损害学校和师生利益", "高",
                   "严格执行三重一大集体决策制度,重大事项经领导班子会议集体研究并形成会议纪要", "张志强"),
              risk("因会前调研论证不充分", "决策程序走过场,未听取教职工代表大会意见",
                   "导致决策脱离学校实际,引发教职工不满", "高",
                   "重大决策事项会前征求教职工意见,涉及教职工切身利益的提交教代会审议", "张志强"),
          ]),
    power(8, U, INT, "中层干部任免决定", "《中华人民共和国义务教育法》第二十六条、《党政领导干部选拔任用工作条例》第二条",
          "党支部、校长室", INSIDE, "教代会、内部公示", risks=[
              risk("因选人用人把关不严或任人唯亲", "在中层干部推荐考察中不按程序办理,降低任职条件",
                   "使不符合条件的人员走上管理岗位,影响干部队伍形象", "高",
                   "中层干部任免坚持民主推荐、组织考察、集体研究、任前公示程序", "陈国平"),
          ]),
    power(9, U, INT, "重大项目安排决定", "《中华人民共和国招标投标法》第三条", "校长室、总务处", INSIDE, "会议、文件",
          risks=[
              risk("因缺乏科学论证或受利益驱动", "重大建设和采购项目安排未经可行性论证和集体决策",
                   "造成项目重复建设和财政资金浪费", "高",
                   "重大项目安排须经可行性论证,领导班子集体研究决定并报上级主管部门备案", "张志强"),
          ]),
    power(10, U, INT, "大额度资金使用审批", "《中小学财务制度》第十八条", "校长室、财务室", INSIDE, "内部网络、文件",
          layout="merge", risks=[
              risk("由于财经制度执行不严和法规意识淡薄", "大额度资金使用未经集体研究,审批程序不规范",
                   "造成资金使用不合理,给学校带来经济损失", "高",
                   "大额度资金使用实行领导班子集体研究审批,支出情况每学期向教代会报告", "张志强"),
              risk("因资金使用监督机制不健全", "专项资金拨付后跟踪问效不到位,存在挤占挪用现象",
                   "导致专项资金使用效益降低,损害学校利益", "高",
                   "建立专项资金台账,财务室按月对账并接受审计和纪检监督", "周敏"),
          ]),
    power(11, D, INT, "教师绩效考核结果审定", "《中华人民共和国教师法》第二十二条", "教导处", INSIDE, "教代会、内部公示",
          risks=[
              risk("因考核标准不细或受人情关系影响", "考核打分不按细则执行,考核结果与实际工作表现不符",
                   "影响绩效工资分配公平,挫伤教师工作积极性", "中",
                   "绩效考核方案经教代会通过后执行,考核结果在校内公示并设立复核申诉渠道", "王丽"),
          ]),
    power(12, D, INT, "教师职称评聘推荐", "《中华人民共和国教师法》第十六条", "教导处", INSIDE, "内部网络、文件",
          layout="cont", risks=[
              risk("因受人情关系影响或收受好处", "在职称评审量化打分中弄虚作假,降低推荐标准",
                   "使不符合条件的教师获得推荐,挫伤其他教师积极性", "高",
                   "职称推荐严格按量化评分细则执行,评审小组成员实行回避制度", "王丽"),
              risk("因评聘信息公开不充分", "评聘名额分配和推荐结果未按规定在校内公示",
                   "引发教师质疑和信访,影响学校和谐稳定", "高",
                   "评聘条件、名额、量化结果和推荐名单分阶段在校内公示栏公示", "陈国平"),
          ]),
    power(13, D, INT, "功能室使用安排", "《义务教育学校管理标准》第五十二条", "教导处", INSIDE, "内部网络、文件",
          risks=[
              risk("因功能室使用计划性不强", "功能室使用时间安排不均衡,个别班级长期占用",
                   "影响实验和艺术课程正常开设", "低",
                   "每学期初制定功能室使用课表并在内网公布,使用情况如实登记", "王丽"),
          ]),
    power(14, P, INT, "学校经费支出审批", "《中小学财务制度》第二十三条", "校长室", INSIDE, "内部网络、文件",
          post="校长", risks=[
              risk("因自我约束不严或受人情干扰", "对不合理的经费支出予以审批签字,或化整为零规避集体决策",
                   "造成学校经费流失,损害师生利益", "高",
                   "严格执行经费支出审批权限,单笔支出超过限额的提交领导班子集体研究", "张志强"),
          ]),
    power(15, P, INT, "教学仪器设备采购验收", "《中华人民共和国政府采购法》第四十一条", "总务处", INSIDE, "内部网络、文件",
          post="副校长", risks=[
              risk("因与供应商存在利益往来", "验收时降低质量标准,对数量不足或型号不符的设备签字确认",
                   "造成国有资产损失,影响教育教学正常开展", "高",
                   "设备验收由副校长、总务主任和使用教师三方共同验收并签字存档", "刘红梅"),
          ]),
    power(16, P, INT, "发展党员对象审查", "《中国共产党章程》第五条", "党支部", INSIDE, "内部公示、会议",
          post="书记", risks=[
              risk("因政治审查把关不严或受人情影响", "对发展对象的培养考察和政治审查流于形式",
                   "使不合格人员进入党员队伍,损害党组织形象", "中",
                   "发展党员严格执行培养考察和政审程序,拟发展对象在校内公示不少于5天", "陈国平"),
          ]),
    power(17, P, INT, "教师外出培训人选推荐", "《中华人民共和国教师法》第十九条", "教导处", INSIDE, "内部网络、文件",
          post="教导主任", risks=[
              risk("因推荐标准不明确或照顾关系", "外出培训机会长期集中于少数教师",
                   "影响教师专业成长的公平性,挫伤青年教师积极性", "低",
                   "制定外出培训轮训计划,推荐人选经教研组讨论后报学校审定", "王丽"),
          ]),
    power(18, P, INT, "食堂食材进货验收", "《学校食品安全与营养健康管理规定》第三十四条", "总务处", INSIDE,
          "内部网络、文件", post="食堂负责人", risks=[
              risk("因收受供货商好处或责任心不强", "对不合格或来源不明的食材予以验收入库,虚报进货数量",
                   "危害师生饮食安全,造成伙食经费流失", "高",
                   "食材进货实行索证索票和双人验收,验收记录由家委会代表定期抽查", "孙建华"),
          ]),
    power(19, P, INT, "报销票据审核", "《中华人民共和国会计法》第十四条", "财务室", INSIDE, "内部网络、文件",
          post="管理会计", risks=[
              risk("因业务不精或碍于情面", "对不真实、不合法的原始票据予以审核报销",
                   "造成学校资金违规支出,给学校带来财务风险", "高",
                   "严格审核票据真实性和审批手续,不合规票据一律退回并登记备查", "周敏"),
          ]),
    power(20, P, INT, "库存现金收支登记", "《现金管理暂行条例》第十一条", "财务室", INSIDE, "内部网络、文件",
          post="出纳", risks=[
              risk("因现金管理制度执行不严", "坐支现金或超限额留存现金,现金日记账登记不及时",
                   "造成现金短缺或被挪用,给学校带来经济损失", "高",
                   "现金日清月结,会计定期盘点库存现金并与日记账核对签字", "吴娟"),
          ]),
]

# ---------------------------------------------------------------------------
# Case 2: formula_seq — 峰高镇中心小学, 序号 as =ROW()-3, one risk row per power.
# Also: 联系电话 as a number cell, 填报日期 as a bare serial number (General format).

FORMULA_UNIT = dict(name="峰高镇中心小学", type="小学", reporter="张华", phone="13983012345",
                    date="2026-11-20", **{"from": "label"})

FORMULA = [
    power(1, U, EXT, "新生入学招生录取", "《中华人民共和国义务教育法》第十二条", "教导处", PUB, "网站、公告", risks=[
        risk("因碍于人情或接受家长宴请", "为学区外学生违规办理入学手续,变相择校",
             "破坏就近入学秩序,损害适龄儿童平等受教育权利", "高",
             "招生范围、计划和结果在镇政府公告栏及学校网站同步公示", "罗文斌")]),
    power(2, U, EXT, "农村学生营养餐食材采购", "《农村义务教育学生营养改善计划实施细则》第二十条", "总务处", PUB,
          "公告、校务公开栏", risks=[
        risk("因与供货商私下约定回扣", "采购时抬高食材单价或以次充好,虚增采购数量",
             "侵占学生营养膳食补助,危害学生身体健康", "高",
             "食材采购通过县级统一招标确定供货商,每周公示采购品种、数量和单价", "罗文斌")]),
    power(3, D, EXT, "学生资助对象认定", "《中华人民共和国教育法》第三十八条", "德育处", PUB, "网站、校务公开栏", risks=[
        risk("因调查核实工作走过场", "对申请学生家庭经济状况不入户核实,认定结果失真",
             "使资助政策不能惠及真正困难的家庭", "中",
             "资助对象由班主任入户走访、评议小组评议并公示后认定", "何小燕")]),
    power(4, U, INT, "大额资金使用审批", "《中小学财务制度》第十八条", "校长室、财务室", INSIDE, "会议、文件", risks=[
        risk("由于集体决策制度执行走样", "大额资金使用由个人拍板,会议记录事后补签",
             "造成资金使用失控,给学校带来经济损失", "高",
             "五万元以上资金使用须经校务会集体研究,会议纪要当场签字存档", "罗文斌")]),
    power(5, D, INT, "教师年度考核等次评定", "《中华人民共和国教师法》第二十二条", "教导处", INSIDE, "教代会、内部公示",
          risks=[
        risk("因考核过程缺乏民主监督", "优秀等次在领导班子内部轮流分配,不按实绩评定",
             "挫伤一线教师工作积极性,影响学校风气", "中",
             "考核等次由考核小组按量化得分确定,结果在校内公示五个工作日", "何小燕")]),
    power(6, P, INT, "学校物资采购审批", "《中华人民共和国政府采购法》第二十二条", "校长室", INSIDE, "内部网络、文件",
          post="校长", risks=[
        risk("因把关不严或授意指定供应商", "对采购需求和价格不作比对即签字审批",
             "导致采购物资价高质次,造成公共财产损失", "高",
             "物资采购实行三家以上询价比价,审批前由总务处出具比价记录", "罗文斌")]),
    power(7, P, INT, "食堂伙食费报销审核", "《中华人民共和国会计法》第十四条", "财务室", INSIDE, "内部网络、文件",
          post="管理会计", risks=[
        risk("因对原始凭证审核不细", "对无验收签字或金额不符的伙食费票据予以报销",
             "造成伙食经费虚列支出,损害学生利益", "高",
             "伙食费报销须附入库单和双人验收单,会计逐笔核对后入账", "蒋丽")]),
    power(8, P, INT, "图书资料借阅登记", "《中小学图书馆(室)规程》第十五条", "教导处", INSIDE, "内部网络、文件",
          post="图书管理员", risks=[
        risk("因借阅管理制度执行不严", "图书借出后长期不归还且不作登记催还",
             "造成图书资料流失,影响师生正常借阅", "低",
             "实行借阅登记和定期清点制度,每学期末公布图书清点结果", "唐敏")]),
]

# ---------------------------------------------------------------------------
# Case 3: messy_header — 城关中学; header on row 7, aliases and mess, hidden
# column (承办部门) and hidden data row, an extra column 联系人, unit info in
# one cell, 单位类型 absent.

MESSY_UNIT = dict(name="城关中学", type="", reporter="王芳", phone="", date="", **{"from": "cell"})

MESSY = [
    power(1, U, EXT, "七年级新生招生录取", "《中华人民共和国义务教育法》第十二条", "教务处", PUB, "网站、公告",
          extra={"联系人": "王芳"},
          raw=dict(seq=("text", "1"), level="学校职权", scope="社会公开"), risks=[
        risk("因受人情请托或收受家长好处", "违规招收划片范围外学生,或以考试方式选拔新生",
             "破坏义务教育招生秩序,造成不良社会影响", "高",
             "招生方案报县教委审批后公布,录取名单在校门口公示栏公示", "胡德明",
             raw=dict(grade="高风险"))]),
    power(2, U, EXT, "学生资助资金发放", "《中华人民共和国教育法》第三十八条", "学生处、财务室", PUB, "网站、公示栏",
          extra={"联系人": "邓小红"},
          raw=dict(seq=("text", "２"), level=" 学校职权", scope=" 对外公开"), risks=[
        risk("因资金发放监督不到位", "资助资金未足额发放到学生,或以代管名义截留",
             "侵害受助学生利益,损害国家资助政策公信力", "高",
             "资助资金一律通过一卡通发放,发放名单和金额在公示栏公示", "邓小红")]),
    power(3, D, EXT, "学生学籍变动审核", "《中小学生学籍管理办法》第十三条", "教务处", PUB, "网站、公告",
          extra={"联系人": "王芳"},
          raw=dict(name="学生学籍\n变动审核", level="部门"), risks=[
        risk("因学籍管理员责任心不强", "学籍变动材料审核不严,出现空挂学籍或人籍分离",
             "虚报学生人数套取经费,扰乱学籍管理秩序", "中",
             "学籍变动实行学籍管理员初审、教务主任复审,每月与在校学生人数核对", "胡德明",
             raw=dict(grade="二级"))]),
    power(4, D, EXT, "体育特长生招生测试", "《中华人民共和国体育法》第二十七条", "体卫艺处", PUB, "网站、公告",
          extra={"联系人": "唐军"}, hidden_row=True,
          raw=dict(level="科室职权"), risks=[
        risk("因测试过程缺乏监督", "测试评分中弄虚作假,为关系生提高成绩",
             "使真正有特长的学生落选,损害招生公平", "高",
             "测试全程录像,评分由三名以上教师独立打分后取平均分", "唐军")]),
    power(5, U, INT, "学校重大决策审定", "《中华人民共和国义务教育法》第二十六条", "校长室", INSIDE, "会议、文件",
          extra={"联系人": "王芳"},
          raw=dict(level="领导班子职权", scope="内部公开"), risks=[
        risk("因议事规则执行不严", "重大事项以碰头会代替领导班子会议集体研究",
             "导致决策失误或权力失控,损害学校利益", "高",
             "修订学校议事规则,重大事项必须经校务会讨论并形成会议纪要",
             "胡德明", raw=dict(grade="A", owner="  胡德明  "))]),
    power(6, U, INT, "大额资金使用审批", "《中小学财务制度》第十八条", "校长室、财务室", INSIDE, "内部网络、文件",
          extra={"联系人": "邓小红"},
          raw=dict(seq=("text", "6 "), level="单位"), risks=[
        risk("因资金审批环节缺乏制约", "大额资金拆分为多笔小额支出,规避集体研究",
             "造成资金使用不规范,给学校带来经济损失", "高",
             "大额资金使用一律上会研究,财务室对同一事项的连续支出进行合并审核", "胡德明")]),
    power(7, D, INT, "教师绩效工资分配审核", "《中华人民共和国教师法》第二十五条", "教务处、财务室", INSIDE, "教代会、内部公示",
          extra={"联系人": "王芳"},
          raw=dict(name="  教师绩效工资分配审核 ", level="处室职权", kind=" 内部职权"), risks=[
        risk("因分配方案未经民主程序", "绩效工资向行政人员倾斜,一线教师所得偏低",
             "引发教师不满,影响教育教学质量", "中",
             "绩效工资分配方案经教代会表决通过,分配结果在校内公示", "胡德明",
             raw=dict(grade="中风险"))]),
    power(8, P, INT, "学校经费支出审批", "《中小学财务制度》第二十三条", "校长室", INSIDE, "内部网络、文件",
          post="校长", extra={"联系人": ""},
          raw=dict(level="岗位"), risks=[
        risk("因个人权力缺乏监督", "对超预算或无依据的经费支出签字审批",
             "造成学校经费浪费和违规使用,损害师生利益", "高",
             "经费支出实行一支笔审批与集体研究相结合,每学期公开财务收支情况", "胡德明")]),
    power(9, P, INT, "食堂大宗物资采购", "《学校食品安全与营养健康管理规定》第三十四条", "总务处", INSIDE, "内部网络、文件",
          post="食堂管理员", extra={"联系人": "唐军"},
          raw=dict(post=" 食堂管理员", level="个人岗位职权"), risks=[
        risk("因采购渠道不公开", "大宗物资固定向熟人商户采购,不进行询价比价",
             "导致食堂物资采购成本偏高,加重学生伙食负担", "高",
             "大宗物资定点采购通过公开比选确定,采购价格每月公示", "唐军")]),
    power(10, P, INT, "会计凭证审核", "《中华人民共和国会计法》第十四条", "财务室", INSIDE, "内部网络、文件",
          post="会计", extra={"联系人": "邓小红"}, note="与总务处共同管理",
          raw=dict(seq=("text", "１０")), risks=[
        risk("因会计人员业务素质不高", "对手续不全的会计凭证予以审核入账",
             "造成会计信息失真,掩盖违规支出行为", "高",
             "会计凭证实行会计审核、校长审批、定期内部审计三道把关", "邓小红",
             raw=dict(grade="一级"))]),
]

# ---------------------------------------------------------------------------
# Case 4: statement_layout — 城关幼儿园; the one-column 廉政风险点 layout with
# the seed's six labelled examples copied exactly, one own statement with
# full-width brackets, and one numbered cell (1.…;2.…) with grade 1.高;2.中.

SEED_CAUSE_1 = "因放松政治理论学习和党性锻炼(风险源),导致理想信念动摇、思想道德滑坡(风险点),工作中出现以权谋私、侵害企业利益现象(危害性)。"
SEED_CAUSE_2 = "因受人情干扰或收受贿赂(风险源),在物资采购中把关不严,造成采购物资价格偏高、质量低劣(风险点),给企业造成经济损失、带来安全隐患(危害性)"
SEED_CAUSE_3 = "由于财经制度不完善和法规意识淡薄(风险源),财务管理不规范,尤其大额度资金使用审批不能科学民主决策(风险点),造成决策失误,资金使用不正确、不合理,给企业造成经济损失(危害性)。"
SEED_ACT_1 = "放松政治理论学习和主观世界改造(风险源),工作不思进取、得过且过,甚至以权谋私(风险点),损害学校利益(危害性)。"
SEED_ACT_2 = "自我要求不严(风险源),违反廉洁自律规定,在公务活动中接受礼品、馈赠(风险点),做出有损企业利益的事情(危害性)。"
SEED_ACT_3 = "某某制度制定时间较长,不符合当前变化了的实际情况(风险源),可操作性不强,贯彻执行难度大,可能带来管理上的漏洞(风险点),导致违规违纪现象发生(危害性)。"

STATEMENT_UNIT = dict(name="城关幼儿园", type="幼儿园", reporter="陈静", phone="023-46731234",
                      date="2026-11-20", **{"from": "label"})

STATEMENT = [
    power(1, U, EXT, "幼儿入园招生", "《幼儿园管理条例》第十一条", "保教处", PUB, "网站、公告", risks=[
        srisk(SEED_ACT_2, ("自我要求不严", "违反廉洁自律规定,在公务活动中接受礼品、馈赠", "做出有损企业利益的事情"),
              "高", "招生计划、条件和录取名单在幼儿园网站和门口公示栏公示,招生工作接受家长委员会监督", "杨雪梅")]),
    power(2, U, EXT, "保育教育费收费审核", "《幼儿园收费管理暂行办法》第五条", "财务室", PUB, "网站、公示栏", risks=[
        srisk("因收费政策执行不严（风险源）,擅自提高收费标准或巧立名目收费（风险点）,加重幼儿家庭经济负担,损害幼儿园形象（危害性）。",
              ("因收费政策执行不严", "擅自提高收费标准或巧立名目收费", "加重幼儿家庭经济负担,损害幼儿园形象"),
              "高", "收费项目和标准经物价部门核定后在收费公示栏长期公示,收费一律开具正式票据", "杨雪梅")]),
    power(3, D, EXT, "幼儿伙食物资采购", "《学校食品安全与营养健康管理规定》第三十四条", "后勤处", PUB, "公告、公示栏", risks=[
        srisk(SEED_CAUSE_2, ("因受人情干扰或收受贿赂", "在物资采购中把关不严,造成采购物资价格偏高、质量低劣",
                             "给企业造成经济损失、带来安全隐患"),
              "高", "伙食物资实行定点采购和索证索票,采购价格每周在家长群和公示栏公示", "郑晓东")]),
    power(4, U, INT, "大额度资金使用审批", "《中小学财务制度》第十八条", "园长室、财务室", INSIDE, "会议、文件", risks=[
        srisk(SEED_CAUSE_3, ("由于财经制度不完善和法规意识淡薄", "财务管理不规范,尤其大额度资金使用审批不能科学民主决策",
                             "造成决策失误,资金使用不正确、不合理,给企业造成经济损失"),
              "高", "完善财务管理制度,大额度资金使用一律经园务会集体研究并报教委备案", "杨雪梅")]),
    power(5, U, INT, "园内规章制度制定", "《幼儿园工作规程》第五十九条", "园长室", INSIDE, "内部网络、文件", risks=[
        srisk(SEED_ACT_3, ("某某制度制定时间较长,不符合当前变化了的实际情况", "可操作性不强,贯彻执行难度大,可能带来管理上的漏洞",
                           "导致违规违纪现象发生"),
              "中", "每学年对园内规章制度进行一次清理评估,修订稿经教职工大会讨论通过", "杨雪梅")]),
    power(6, P, INT, "党员组织生活会安排", "《中国共产党章程》第三十三条", "党支部", INSIDE, "会议、文件",
          post="书记", risks=[
        srisk(SEED_CAUSE_1, ("因放松政治理论学习和党性锻炼", "导致理想信念动摇、思想道德滑坡",
                             "工作中出现以权谋私、侵害企业利益现象"),
              "中", "落实三会一课制度,组织生活会前开展谈心谈话并认真查摆问题", "刘志勇")]),
    power(7, P, INT, "保教工作计划审定", "《幼儿园工作规程》第四十二条", "园长室", INSIDE, "内部网络、文件",
          post="园长", risks=[
        srisk(SEED_ACT_1, ("放松政治理论学习和主观世界改造", "工作不思进取、得过且过,甚至以权谋私", "损害学校利益"),
              "中", "园长每学期向教职工大会述职述廉,保教工作计划经园务会讨论后执行", "杨雪梅")]),
    power(8, P, INT, "幼儿园食品安全检查", "《学校食品安全与营养健康管理规定》第二十二条", "后勤处", INSIDE,
          "内部网络、文件", post="食堂负责人", layout="numbered", risks=[
        srisk("因责任心不强(风险源),未按规定对每餐食品留样或留样数量不足(风险点),发生食品安全事故时无法追溯原因(危害性)",
              ("因责任心不强", "未按规定对每餐食品留样或留样数量不足", "发生食品安全事故时无法追溯原因"),
              "高", "每日检查食品留样和进货查验记录,检查结果纳入食堂人员月度考核", "郑晓东"),
        srisk("因碍于情面或收受好处(风险源),对供货商配送的不合格食品检查放行(风险点),危害幼儿身体健康,给幼儿园带来安全隐患(危害性)",
              ("因碍于情面或收受好处", "对供货商配送的不合格食品检查放行", "危害幼儿身体健康,给幼儿园带来安全隐患"),
              "中", "每日检查食品留样和进货查验记录,检查结果纳入食堂人员月度考核", "郑晓东"),
    ]),
]

# ---------------------------------------------------------------------------
# Case 5: info_sheet — 仁义镇初级中学; unit info on a 填报信息 sheet (date as
# text), the catalogue split over two sheets 外部职权 / 内部职权, 序号 stored as
# text and continuing across the two sheets.

INFO_UNIT = dict(name="仁义镇初级中学", type="初中", reporter="刘洋", phone="023-46501234",
                 date="2026-11-20", **{"from": "sheet"})

INFO_EXT = [
    power(1, U, EXT, "新生入学招生", "《中华人民共和国义务教育法》第十二条", "教务处", PUB, "网站、公告", risks=[
        risk("因招生政策宣传不到位并受人情干扰", "对辖区外学生违规办理入学,对辖区内学生设置入学障碍",
             "损害适龄少年平等受教育权利,引发信访", "高",
             "招生范围和计划提前一个月向社会公布,录取结果在镇政务公开栏公示", "钟国华")]),
    power(2, D, EXT, "学生转学审核", "《中小学生学籍管理办法》第十三条", "教务处", PUB, "网站、校务公开栏", risks=[
        risk("因审核把关不严或收受好处", "为不符合条件的学生办理转学,或违规收取转学费用",
             "扰乱学籍管理秩序,加重学生家庭负担", "中",
             "转学手续办理时限和所需材料在校务公开栏公示,严禁收取任何费用", "冯丹")]),
    power(3, U, EXT, "寄宿生生活费补助资金发放", "《中华人民共和国教育法》第三十八条", "学生处、财务室", PUB,
          "网站、校务公开栏", risks=[
        risk("因补助对象评审不公开", "虚报寄宿生人数或将补助资金挪作他用",
             "使寄宿困难学生得不到补助,损害政策惠民效果", "高",
             "寄宿生名单与宿舍住宿登记核对后公示,补助资金直接打卡发放", "钟国华")]),
    power(4, D, EXT, "课后服务收费审核", "《重庆市中小学课后服务管理办法》第十六条", "教务处、财务室", PUB, "公告、校务公开栏",
          risks=[
        risk("因收费审核把关不严", "超标准收取课后服务费或强制学生参加课后服务",
             "增加家长经济负担,损害学校声誉", "高",
             "课后服务坚持家长自愿,收费标准按物价核定执行并向家长书面告知", "冯丹")]),
]

INFO_INT = [
    power(5, U, INT, "重大决策事项审定", "《中华人民共和国义务教育法》第二十六条", "校长室", INSIDE, "会议、文件",
          layout="merge", risks=[
        risk("因民主集中制执行不到位", "重大事项由主要负责人个人决定,班子成员会上不表态",
             "导致决策失误,给学校发展造成损失", "高",
             "重大决策实行一把手末位表态制,班子成员意见如实记录在会议纪要中", "钟国华"),
        risk("因决策事项信息公开不及时", "重大决策结果未在规定时间内向教职工公开",
             "影响教职工知情权和监督权,引发猜疑", "中",
             "重大决策结果在决定后五个工作日内通过内部网络向教职工公开", "冯丹"),
    ]),
    power(6, U, INT, "干部任免决定", "《中华人民共和国义务教育法》第二十六条", "党支部、校长室", INSIDE, "教代会、内部公示",
          risks=[
        risk("因干部选拔程序不规范", "中层干部人选由个别领导提名后直接任命,不经民主推荐",
             "挫伤教职工积极性,影响干部队伍的公信力", "高",
             "中层干部选拔坚持民主推荐和任前公示,任免决定由支委会集体研究", "张涛")]),
    power(7, D, INT, "教师职称评审推荐", "《中华人民共和国教师法》第十六条", "教务处", INSIDE, "内部网络、文件", risks=[
        risk("因评审小组成员与申报人存在利害关系", "评审推荐中不执行回避制度,人为调整量化分数",
             "使职称评审结果失去公正,引发教师不满", "高",
             "评审小组成员与申报人有亲属关系的一律回避,量化分数当场公布", "冯丹")]),
    power(8, P, INT, "现金收付登记", "《现金管理暂行条例》第十一条", "财务室", INSIDE, "内部网络、文件",
          post="出纳", risks=[
        risk("因出纳岗位缺乏监督", "收取现金不及时入账,公款私存或挪用现金",
             "造成学校资金流失,出纳人员违法犯罪", "高",
             "出纳不得兼管稽核和账目登记,会计每周对库存现金进行突击盘点", "田晓静")]),
    power(9, P, INT, "校产物资入库验收", "《中小学财务制度》第三十二条", "总务处", INSIDE, "内部网络、文件",
          post="总务主任", risks=[
        risk("因验收程序流于形式", "物资入库时不清点数量和核对规格,虚开入库单",
             "造成学校资产账实不符,国有资产流失", "高",
             "物资入库由总务主任和保管员共同清点验收,入库单与采购合同逐项核对", "钟国华")]),
]

# ---------------------------------------------------------------------------
# Case 6: two_row_header — no unit info at all (the unit comes from the file
# name); 廉政风险点 merged over 风险源/风险点/危害性 on a two-row header.

TWO_ROW_UNIT = dict(name="two_row_header", type="", reporter="", phone="", date="", **{"from": "filename"})

TWO_ROW = [
    power(1, U, EXT, "义务教育阶段新生招生", "《中华人民共和国义务教育法》第十二条", "教导处", PUB, "网站、公告",
          layout="merge", risks=[
        risk("因受人情请托或利益诱惑", "违规为学区外学生办理入学或人为调整招生片区",
             "影响招生公平公正,损害学校社会声誉", "高",
             "招生片区和计划报教委审定后公布,招生工作全程接受家长代表监督", "谢光明"),
        risk("因招生信息公开不及时", "招生计划和录取结果未按时向社会公开",
             "引发家长猜疑和投诉,影响学校正常秩序", "中",
             "招生信息按县教委规定时间节点在学校网站发布", "邱红"),
    ]),
    power(2, D, EXT, "学生营养改善计划食材采购", "《农村义务教育学生营养改善计划实施细则》第二十条", "总务处", PUB,
          "公告、校务公开栏", risks=[
        risk("因采购人员与供货商关系密切", "以次充好或虚报采购数量,收受供货商回扣",
             "侵占学生营养改善资金,危害学生健康", "高",
             "营养餐食材采购由学校、家长代表共同验收,采购明细每周公示", "邱红")]),
    power(3, U, INT, "重大项目安排决定", "《中华人民共和国招标投标法》第三条", "校长室", INSIDE, "会议、文件", risks=[
        risk("因项目论证和决策程序不完善", "重大项目未经集体研究即确定实施单位",
             "导致项目建设质量不高、资金浪费", "高",
             "重大项目安排经班子集体研究并报教委审批,实施单位通过公开招标确定", "谢光明")]),
    power(4, D, INT, "教师评优评先推荐", "《中华人民共和国教师法》第三十三条", "教导处", INSIDE, "教代会、内部公示", risks=[
        risk("因推荐程序不公开透明", "评优名额由领导指定,不经教职工民主推荐",
             "挫伤教师工作热情,影响学校团结", "中",
             "评优推荐实行教研组民主推荐、学校审核、结果公示三步程序", "邱红")]),
    power(5, P, INT, "教学常规检查", "《义务教育学校管理标准》第三十六条", "教导处", INSIDE, "内部网络、文件",
          post="教导主任", risks=[
        risk("因检查标准执行不统一", "教学常规检查中敷衍了事,对问题不记录不反馈",
             "导致教学管理松懈,影响教学质量提高", "中",
             "教学常规检查按月进行,检查记录和整改意见在内网公布", "邱红")]),
    power(6, P, INT, "食堂账目报销审核", "《中华人民共和国会计法》第十四条", "财务室", INSIDE, "内部网络、文件",
          post="管理会计", risks=[
        risk("因会计审核流于形式", "对虚开或重复的食堂采购发票予以报销",
             "造成食堂资金流失,损害学生利益", "高",
             "食堂账目单独核算,报销发票与入库验收单逐笔核对并定期公示", "何静")]),
]

# ---------------------------------------------------------------------------
# Writing

FIXED_TIME = datetime.datetime(2026, 11, 20, 9, 0, 0)
THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)

WIDTHS = {"seq": 6, "level": 12, "kind": 10, "name": 22, "basis": 30, "dept": 14, "post": 12,
          "scope": 10, "form": 16, "source": 24, "point": 30, "harm": 26, "statement": 60,
          "grade": 8, "measures": 36, "owner": 10, "note": 14}


def new_workbook():
    wb = Workbook()
    wb.properties.creator = "lianfang fixtures"
    wb.properties.lastModifiedBy = "lianfang fixtures"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    return wb


def save(wb, path):
    """Save, then rewrite the zip with fixed entry times so the output is
    byte-for-byte reproducible."""
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                              rb"\g<1>2026-11-20T09:00:00Z", data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 20, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, data)
    with open(path, "wb") as f:
        f.write(out.getvalue())


def put(ws, row, col, value, style=WRAP):
    """Write a cell. value may be ("text", s) for a text cell with Excel's
    quote prefix (what typing '1 produces), ("formula", f), or a plain value:
    a str that is all ASCII digits is written as a number unless it came
    through ("text", …)."""
    c = ws.cell(row=row, column=col)
    if isinstance(value, tuple):
        kind, v = value
        if kind == "text":
            c.value = v
            c.quotePrefix = True
        elif kind == "formula":
            c.value = v
        elif kind == "number":
            c.value = v
        else:
            raise ValueError(kind)
    else:
        c.value = value if value != "" else None
    c.alignment = style
    c.border = BORDER
    return c


def cell_value(obj, key, numbered_items=None):
    """The value written for key: the raw override if any, else the clean value."""
    raw = obj.get("raw", {})
    if key in raw:
        return raw[key]
    v = obj[key]
    if key == "seq":
        return int(v)  # a clean 序号 is a number cell
    return v


def write_header(ws, row, cols):
    for j, (key, header) in enumerate(cols, start=1):
        c = put(ws, row, j, header, CENTER)
        c.font = Font(bold=True)
        ws.column_dimensions[get_column_letter(j)].width = WIDTHS.get(key, 12)


def write_powers(ws, sheet_name, cols, powers, start_row, seq_formula=None):
    """Write the data rows; return (expected powers, next free row)."""
    col_of = {key: j for j, (key, _) in enumerate(cols, start=1)}
    statement_layout = "statement" in col_of
    expected = []
    r = start_row
    for p in powers:
        layout = p.get("layout", "single")
        risks = p["risks"]
        nrows = 1 if layout == "numbered" else len(risks)
        first = r
        # power columns on the first row
        for key in POWER_KEYS:
            if key not in col_of:
                continue
            v = cell_value(p, key)
            if key == "seq" and seq_formula:
                v = ("formula", seq_formula)
            put(ws, first, col_of[key], v)
        for hdr, v in p.get("extra", {}).items():
            put(ws, first, col_of[hdr], v)
        # risk columns
        if layout == "numbered":
            texts = {}
            for key in (["statement"] if statement_layout else ["source", "point", "harm"]) + ["grade"]:
                texts[key] = ";".join("%d.%s" % (i, rk[key]) for i, rk in enumerate(risks, start=1))
            for key in ("measures", "owner"):
                vals = {rk[key] for rk in risks}
                assert len(vals) == 1, "numbered risks share measures/owner in this fixture"
                texts[key] = vals.pop()
            for key, v in texts.items():
                put(ws, first, col_of[key], v)
        else:
            for i, rk in enumerate(risks):
                row = first + i
                for key in RISK_KEYS:
                    if key not in col_of:
                        continue
                    if key == "owner" and p.get("merge_owner") and i > 0:
                        continue
                    put(ws, row, col_of[key], cell_value(rk, key))
                if layout == "cont" and i > 0:
                    # continuation row: power columns left blank, not merged
                    for key in POWER_KEYS:
                        if key in col_of:
                            put(ws, row, col_of[key], "")
        if layout == "merge":
            last = first + nrows - 1
            keys = [k for k in POWER_KEYS if k in col_of] + list(p.get("extra", {}))
            if p.get("merge_owner"):
                keys.append("owner")
            for key in keys:
                j = col_of[key]
                for rr in range(first + 1, last + 1):
                    put(ws, rr, j, "")  # border only
                ws.merge_cells(start_row=first, start_column=j, end_row=last, end_column=j)
        if p.get("hidden_row"):
            for rr in range(first, first + nrows):
                ws.row_dimensions[rr].hidden = True
        # expected
        e = dict(sheet=sheet_name, row=first)
        for key in POWER_KEYS:
            e[key] = p[key]
        extra = {h: v for h, v in p.get("extra", {}).items() if v}
        if extra:  # only the non-empty values of extra columns, like importer.Power.Extra
            e["extra"] = extra
        e["risks"] = []
        for i, rk in enumerate(risks):
            er = dict(row=first if layout == "numbered" else first + i,
                      item=i + 1 if layout == "numbered" else 0)
            for key in RISK_KEYS:
                er[key] = rk[key]
            e["risks"].append(er)
        expected.append(e)
        r = first + nrows
    return expected, r


def title_row(ws, text, ncols, row=1):
    c = ws.cell(row=row, column=1, value=text)
    c.font = Font(bold=True, size=16)
    c.alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
    ws.row_dimensions[row].height = 30


def unit_pairs(ws, row, pairs):
    """Label/value cell pairs on one row, from column A."""
    j = 1
    for label, value, fmt in pairs:
        ws.cell(row=row, column=j, value=label).font = Font(bold=True)
        c = ws.cell(row=row, column=j + 1, value=value)
        if fmt:
            c.number_format = fmt
        j += 2


def sheet_setup(ws, header_row):
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4


def excel_serial(d):
    return (d - datetime.date(1899, 12, 30)).days


DATE = datetime.date(2026, 11, 20)


def case_clean():
    wb = new_workbook()
    ws = wb.active
    ws.title = "职权目录"
    title_row(ws, "职权目录表", len(CANON))
    unit_pairs(ws, 2, [("填报单位", "城关第一小学", None), ("单位类型", "小学", None), ("填报人", "李明", None),
                       ("联系电话", "023-46712345", None), ("填报日期", DATE, "yyyy-mm-dd")])
    write_header(ws, 3, CANON)
    powers, _ = write_powers(ws, "职权目录", CANON, CLEAN, 4)
    sheet_setup(ws, 3)
    return wb, dict(unit=CLEAN_UNIT, powers=powers)


def case_formula_seq():
    wb = new_workbook()
    ws = wb.active
    ws.title = "职权目录"
    title_row(ws, "职权目录表", len(CANON))
    unit_pairs(ws, 2, [("填报单位", "峰高镇中心小学", None), ("单位类型", "小学", None), ("填报人", "张华", None),
                       ("联系电话", 13983012345, None), ("填报日期", excel_serial(DATE), None)])
    write_header(ws, 3, CANON)
    powers, _ = write_powers(ws, "职权目录", CANON, FORMULA, 4, seq_formula="=ROW()-3")
    sheet_setup(ws, 3)
    return wb, dict(unit=FORMULA_UNIT, powers=powers)


MESSY_COLS = [
    ("seq", "序 号"), ("name", "权力名称*"), ("level", "层级"), ("kind", "职权类型"), ("basis", "实施\n依据"),
    ("dept", "承办部门"), ("post", "岗位"), ("source", "风险源"), ("point", "风险点"), ("harm", "可能后果"),
    ("grade", "风险等级＊"), ("measures", "防范措施"), ("owner", "防控责任人"), ("scope", "公开对象"),
    ("form", "公开 形式"), ("联系人", "联系人"), ("note", "备注"),
]
MESSY_HIDDEN_COL = "dept"


def case_messy_header():
    wb = new_workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.cell(row=1, column=1, value="城关中学廉政风险防控职权目录表").font = Font(bold=True, size=14)
    ws.cell(row=2, column=1, value="填表说明:1.职权名称要体现权力的性质;2.外部职权面向社会公开,内部职权在单位内部公开;"
                                   "3.每个风险点由风险源、风险点、危害性三个要素组成,表述要准确具体。")
    ws.merge_cells("A2:Q2")
    ws.cell(row=2, column=1).alignment = Alignment(wrap_text=True)
    ws.row_dimensions[2].height = 36
    ws.cell(row=4, column=1, value="填报单位：城关中学    填报人：王芳")
    ws.cell(row=6, column=1, value="注:带*号的为必填项")
    write_header(ws, 7, MESSY_COLS)
    ws.row_dimensions[7].height = 32
    powers, _ = write_powers(ws, "Sheet1", MESSY_COLS, MESSY, 8)
    idx = [k for k, _ in MESSY_COLS].index(MESSY_HIDDEN_COL) + 1
    ws.column_dimensions[get_column_letter(idx)].hidden = True
    return wb, dict(unit=MESSY_UNIT, powers=powers)


def case_statement_layout():
    wb = new_workbook()
    ws = wb.active
    ws.title = "职权目录"
    title_row(ws, "职权目录表", len(STATEMENT_COLS))
    unit_pairs(ws, 2, [("填报单位", "城关幼儿园", None), ("单位类型", "幼儿园", None), ("填报人", "陈静", None),
                       ("联系电话", "023-46731234", None), ("填报日期", DATE, 'yyyy"年"m"月"d"日"')])
    write_header(ws, 3, STATEMENT_COLS)
    powers, _ = write_powers(ws, "职权目录", STATEMENT_COLS, STATEMENT, 4)
    sheet_setup(ws, 3)
    return wb, dict(unit=STATEMENT_UNIT, powers=powers)


def case_info_sheet():
    wb = new_workbook()
    ext = wb.active
    ext.title = "外部职权"
    # header on row 1, no title, no unit info
    write_header(ext, 1, CANON)
    text_seq = lambda ps: [dict(p, raw=dict(p.get("raw", {}), seq=("text", p["seq"]))) for p in ps]
    p1, _ = write_powers(ext, "外部职权", CANON, text_seq(INFO_EXT), 2)
    sheet_setup(ext, 1)
    inte = wb.create_sheet("内部职权")
    title_row(inte, "内部职权目录", len(CANON))
    write_header(inte, 2, CANON)
    p2, _ = write_powers(inte, "内部职权", CANON, text_seq(INFO_INT), 3)
    sheet_setup(inte, 2)
    info = wb.create_sheet("填报信息")
    for i, (label, value) in enumerate([("填报单位", "仁义镇初级中学"), ("单位类型", "初中"), ("填报人", "刘洋"),
                                        ("联系电话", "023-46501234"), ("填报日期", "2026年11月20日")], start=1):
        info.cell(row=i, column=1, value=label).font = Font(bold=True)
        info.cell(row=i, column=2, value=value)
    info.column_dimensions["A"].width = 12
    info.column_dimensions["B"].width = 20
    return wb, dict(unit=INFO_UNIT, powers=p1 + p2)


def case_two_row_header():
    wb = new_workbook()
    ws = wb.active
    ws.title = "附件1"
    title_row(ws, "职权目录表", len(CANON))
    # row 3: group headers; row 4: the three risk parts
    for j, (key, header) in enumerate(CANON, start=1):
        ws.column_dimensions[get_column_letter(j)].width = WIDTHS.get(key, 12)
        if key in ("source", "point", "harm"):
            put(ws, 4, j, header, CENTER).font = Font(bold=True)
            continue
        put(ws, 3, j, header, CENTER).font = Font(bold=True)
        put(ws, 4, j, "", CENTER)
        ws.merge_cells(start_row=3, start_column=j, end_row=4, end_column=j)
    js = [j for j, (k, _) in enumerate(CANON, start=1) if k in ("source", "point", "harm")]
    put(ws, 3, js[0], "廉政风险点", CENTER).font = Font(bold=True)
    for j in js[1:]:
        put(ws, 3, j, "", CENTER)
    ws.merge_cells(start_row=3, start_column=js[0], end_row=3, end_column=js[-1])
    powers, _ = write_powers(ws, "附件1", CANON, TWO_ROW, 5)
    sheet_setup(ws, 4)
    return wb, dict(unit=TWO_ROW_UNIT, powers=powers)


CASES = [
    ("clean", case_clean),
    ("formula_seq", case_formula_seq),
    ("messy_header", case_messy_header),
    ("statement_layout", case_statement_layout),
    ("info_sheet", case_info_sheet),
    ("two_row_header", case_two_row_header),
]

# ---------------------------------------------------------------------------
# Self-checks on the dicts (not on the produced files)

NATURE = ["审核", "审定", "审批", "决定", "核准", "批准", "确认", "认定", "评定", "评审", "审查", "检查", "监督",
          "处理", "处分", "奖励", "任免", "聘任", "评聘", "推荐", "选拔", "录用", "招聘", "分配", "调配", "采购",
          "招标", "验收", "报销", "收取", "发放", "减免", "资助", "招生", "登记", "备案", "考核", "鉴定", "制定",
          "安排", "使用"]
HIGH_WORDS = ["财务", "会计", "现金", "资金", "经费", "收费", "资产", "票据", "采购", "招标", "工程", "基建", "维修",
              "物资", "食堂", "报销", "人事", "任免", "招聘", "职称", "评聘", "招生",
              "重大决策", "干部任免", "重大项目安排", "大额度资金", "大额资金"]
NOT_LOW_WORDS = ["审批", "确认", "检查", "督查", "评优", "考核"]
DOC_KINDS = "(法|条例|规定|办法|细则|规则|意见|通知|决定|方案|章程|准则|制度|规程|纲要|标准)"
LABELS = r"[(（](风险源|风险点|危害性)[)）]"


def han(s):
    return len(re.findall(r"[\u4e00-\u9fff]", s))


def bigrams(s):
    return {s[i:i + 2] for i in range(len(s) - 1)}


def label_split(statement):
    """Split a labelled statement at its labels, without the labels."""
    parts = re.split(LABELS, statement)
    out = {}
    for text, label in zip(parts[0::2], parts[1::2]):
        out[label] = text.strip(" ,,;;。")
    return out["风险源"], out["风险点"], out["危害性"]


def self_check():
    # every one-column statement splits at its labels into the hand-written parts
    for p in STATEMENT:
        for rk in p["risks"]:
            got = label_split(rk["statement"])
            want = (rk["source"], rk["point"], rk["harm"])
            assert got == want, (got, want)
    # seq consecutive per case
    for powers in (CLEAN, FORMULA, MESSY, STATEMENT, INFO_EXT + INFO_INT, TWO_ROW):
        assert [p["seq"] for p in powers] == [str(i) for i in range(1, len(powers) + 1)]
    # the clean case obeys SPEC §4 as far as the dicts can tell
    seen = {}
    grades = set()
    internal_seen = False
    for p in CLEAN:
        n = p["name"]
        assert len(n) <= 25 and not re.search(r"[,。;:!?,;:!?]", n), n
        assert any(w in n for w in NATURE), n
        assert "《" in p["basis"] and "第" in p["basis"], p["basis"]
        for title, rest in re.findall(r"《([^》]*)》(第[^、]*条)?", p["basis"]):
            assert re.search(DOC_KINDS + "$", title), title  # B05
            assert rest or not re.search("(法|条例)$", title), title  # B04
        if p["kind"] == INT:
            internal_seen = True
            assert p["scope"] == INSIDE
        else:
            assert not internal_seen and p["scope"] == PUB
        for q in CLEAN:
            if q is p:
                continue
            a, b = bigrams(n), bigrams(q["name"])
            assert 2 * len(a & b) / (len(a) + len(b)) < 0.5, (n, q["name"])
        for rk in p["risks"]:
            for part in ("source", "point", "harm"):
                assert han(rk[part]) >= 4, rk[part]
            assert len(rk["measures"]) >= 8
            assert rk["owner"]
            grades.add(rk["grade"])
            if any(w in n for w in HIGH_WORDS):
                assert rk["grade"] == "高", n
            elif rk["grade"] == "高":
                raise AssertionError("高 without a keyword: " + n)
            if any(w in n for w in NOT_LOW_WORDS):
                assert rk["grade"] != "低", n
            for part in ("source", "point", "harm"):
                seen.setdefault(rk[part], set()).add(n)
    assert grades == {"高", "中", "低"}
    for text, names in seen.items():
        assert len(names) < 3, (text, names)
    posts = {p["post"] for p in CLEAN if p["level"] == P}
    assert posts >= {"校长", "副校长", "书记", "教导主任", "食堂负责人", "管理会计", "出纳"}, posts
    assert {p["level"] for p in CLEAN} == {U, D, P}
    for kw in ("重大决策", "干部任免", "重大项目安排", "大额度资金"):
        assert any(kw in p["name"] and p["level"] == U and p["kind"] == INT for p in CLEAN), kw


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    self_check()
    os.makedirs(os.path.join(out, "openpyxl"), exist_ok=True)
    os.makedirs(os.path.join(out, "expected"), exist_ok=True)
    for name, fn in CASES:
        wb, expected = fn()
        save(wb, os.path.join(out, "openpyxl", name + ".xlsx"))
        write_json(os.path.join(out, "expected", name + ".json"), expected)
        if name == "formula_seq":
            # openpyxl writes the formula with no cached value: a reader that
            # uses the cached value (SPEC §3) sees an empty 序号 on every row.
            variant = json.loads(json.dumps(expected))
            for p in variant["powers"]:
                p["seq"] = ""
            write_json(os.path.join(out, "expected", name + ".openpyxl.json"), variant)


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
