"""The demo glossary: the organisation's names, partners, programs and themes as its English and Chinese material
writes them. Each row: English term, English synonyms, Chinese term, Chinese synonyms, note, Chinese note.

The English terms are the glossary snippets; their Chinese side reaches them as a wagtail-localize translation
made from these rows, like the rest of the demo's Chinese content."""

GLOSSARY = [
    # The organisation and its program
    (
        "Harmony Foundation",
        "Harmony Foundation of Canada; Harmony",
        "和谐基金会",
        "加拿大和谐基金会",
        "The organisation's own name; “Harmony” alone is fine after the first mention.",
        "本机构名称；首次出现后可简称“和谐”。",
    ),
    (
        "Program for Leadership and Cooperation for Sustainable Community Development in China",
        "Leadership Program; Leadership Training Program; Leadership Training Program for Sustainable Community "
        "Development",
        "中国可持续社区发展领导力与合作项目",
        "领导力项目; 领导力培训项目; 中国可持续社区发展领导力培训项目",
        "The program's full name; “Leadership Program” after the first mention.",
        "项目全称；首次出现后可称“领导力项目”。",
    ),
    (
        "Training Trainers",
        "train the trainers; training of trainers; trainer training",
        "培训培训者",
        "培训师培训; 师资培训",
        "",
        "",
    ),
    (
        "Community Action Workshop Manual",
        "workshop manual",
        "《社区行动工作坊手册》",
        "社区行动工作坊手册",
        "A publication: italic in English, book-title marks in Chinese.",
        "出版物：英文用斜体，中文用书名号。",
    ),
    (
        "Green Cities: a Guide to Sustainable Community Development",
        "Green Cities",
        "《绿色城市：可持续社区发展指南》",
        "绿色城市",
        "A publication.",
        "出版物。",
    ),
    ("community workshop", "Community Action Workshop", "社区工作坊", "社区行动工作坊; 社区培训班", "", ""),
    ("success story", "case study", "成功案例", "成功故事; 案例", "", ""),
    ("tip sheet", "eco tips; short and easy tips", "小贴士", "环保小贴士; 小窍门; 小知识", "", ""),
    ("summary of achievements", "program summary; achievements", "成果总结", "项目总结; 项目成果", "", ""),
    # Partners, donors and sponsors
    (
        "National Training Center for Mayors of China",
        "NTCMC; National Training Centre for Mayors",
        "全国市长培训中心",
        "市长培训中心; NTCMC",
        "Partner. Keep the abbreviation NTCMC in both languages.",
        "合作伙伴。两种语言都保留缩写 NTCMC。",
    ),
    (
        "Environmental Management College of China",
        "EMCC",
        "中国环境管理干部学院",
        "环境管理干部学院; EMCC",
        "Partner, in Qinhuangdao.",
        "合作伙伴，位于秦皇岛。",
    ),
    (
        "National Academy for Mayors of China",
        "NAMC",
        "中国市长研修学院",
        "市长研修学院; NAMC",
        "Partner.",
        "合作伙伴。",
    ),
    (
        "Shining Stone Community Action",
        "Shining Stone",
        "社区参与行动（Shining Stone）",
        "社区参与行动; Shining Stone; 北京社区参与行动服务中心",
        "Partner, a Beijing NGO.",
        "合作伙伴，北京的一家民间组织。",
    ),
    (
        "Canadian International Development Agency",
        "CIDA",
        "加拿大国际开发署",
        "CIDA; 加拿大国际发展署",
        "Donor.",
        "捐助方。",
    ),
    (
        "International Development Research Centre",
        "International Development Research Center; IDRC",
        "国际发展研究中心",
        "加拿大国际发展研究中心; IDRC",
        "Donor.",
        "捐助方。",
    ),
    (
        "Royal Bank of Canada",
        "RBC; RBC Foundation",
        "加拿大皇家银行",
        "皇家银行; RBC; 加拿大皇家银行基金会",
        "Donor.",
        "捐助方。",
    ),
    ("Bank of Montreal", "BMO", "蒙特利尔银行", "满地可银行; BMO", "Donor.", "捐助方。"),
    ("GE Foundation", "General Electric Foundation", "GE基金会", "通用电气基金会", "Donor.", "捐助方。"),
    (
        "Government of British Columbia",
        "British Columbia government; BC government",
        "不列颠哥伦比亚省政府",
        "卑诗省政府; BC省政府",
        "Donor.",
        "捐助方。",
    ),
    # Public bodies and events
    ("Environmental Protection Bureau", "EPB", "环境保护局", "环保局", "", ""),
    ("State Environmental Protection Administration", "SEPA", "国家环境保护总局", "国家环保总局; 环保总局", "", ""),
    ("17th National Congress", "17th Party Congress", "十七大", "中共十七大; 党的十七大; 第十七次全国代表大会", "", ""),
    # Ideas the organisation writes about
    (
        "sustainable community development",
        "sustainable communities; sustainable community",
        "可持续社区发展",
        "可持续社区; 社区可持续发展; 可持续社区建设",
        "",
        "",
    ),
    (
        "public participation",
        "citizen participation; community participation",
        "公众参与",
        "公共参与; 市民参与; 居民参与",
        "",
        "",
    ),
    (
        "multi-sector cooperation",
        "multi-stakeholder cooperation; cross-sector cooperation",
        "多部门合作",
        "多方合作; 多方利益相关者合作; 跨部门合作",
        "",
        "",
    ),
    ("corporate social responsibility", "CSR", "企业社会责任", "CSR", "", ""),
    (
        "NGO",
        "non-governmental organization; civil society organization",
        "非政府组织",
        "民间组织; 社会组织; 公益组织; NGO",
        "",
        "",
    ),
    ("capacity building", "capacity development", "能力建设", "能力培养; 能力提升", "", ""),
    ("action plan", "community action plan", "行动计划", "社区行动计划; 行动方案", "", ""),
    ("community leader", "community leaders; neighbourhood leader", "社区领袖", "社区带头人; 社区骨干", "", ""),
    ("mayor", "vice-mayor; city leader", "市长", "副市长; 城市领导", "", ""),
    ("seed funding", "seed money; start-up funding", "启动资金", "种子资金", "", ""),
    # The six tip-sheet themes and the program's other topics
    (
        "Energy Efficiency",
        "energy saving; save energy; saving energy; conserve energy",
        "能源效率",
        "节能; 节约能源; 能效; 省电",
        "Tip-sheet theme.",
        "小贴士主题。",
    ),
    (
        "Green Consumption",
        "green shopping; sustainable consumption; eco-friendly shopping",
        "绿色消费",
        "绿色购物; 可持续消费; 环保消费",
        "Tip-sheet theme.",
        "小贴士主题。",
    ),
    (
        "Low Carbon",
        "low-carbon living; carbon footprint; climate-friendly",
        "低碳",
        "低碳生活; 减碳; 碳足迹; 减少碳排放",
        "Tip-sheet theme.",
        "小贴士主题。",
    ),
    (
        "Reduce Waste",
        "waste reduction; waste less; cut waste",
        "减少垃圾",
        "减少浪费; 垃圾减量; 减废",
        "Tip-sheet theme.",
        "小贴士主题。",
    ),
    (
        "Waste Management",
        "waste sorting; garbage sorting; rubbish",
        "垃圾管理",
        "垃圾分类; 废物管理; 垃圾处理",
        "Tip-sheet theme.",
        "小贴士主题。",
    ),
    (
        "Water Conservation",
        "water saving; save water; saving water; conserve water",
        "节约用水",
        "节水; 省水; 节约水资源",
        "Tip-sheet theme.",
        "小贴士主题。",
    ),
    ("Organic Food", "organic vegetables; organic farming", "有机食品", "有机蔬菜; 有机农业; 有机种植", "", ""),
    ("Economic Opportunity", "jobs; employment; livelihoods", "经济机会", "就业; 就业机会; 生计", "", ""),
    ("recycling", "recycle; recyclables", "回收", "回收利用; 再生利用; 资源回收", "", ""),
    ("compost", "composting; kitchen waste", "堆肥", "厨余堆肥; 沤肥", "", ""),
    ("people with disabilities", "disabled people; the disabled", "残疾人", "残障人士; 残疾人士", "", ""),
    # Places
    ("Qinhuangdao", "", "秦皇岛", "", "", ""),
    ("Hebei Province", "Hebei", "河北省", "河北", "", ""),
    ("Dong Yanwu community", "Dong Yanwu", "东烟屋社区", "东烟屋", "", ""),
    ("Chengdu", "", "成都", "", "", ""),
    ("Beijing", "", "北京", "", "", ""),
]


def glossary_catalog():
    """The Chinese strings of the glossary rows, as a catalog for the demo translator."""
    catalog = {}
    for term, synonyms, chinese, chinese_synonyms, note, chinese_note in GLOSSARY:
        catalog.update({term: chinese, synonyms: chinese_synonyms, note: chinese_note})
    catalog.pop("", None)
    return catalog
