"""Demo content the source pages only name: the site's frame, topics, success stories and the tips of each tip sheet.

Success stories expand on what the source pages say; details they do not give are marked as illustrative on the page.
"""

SITE = {
    "home_title": "Harmony Foundation",
    "hero_text": "Leadership and cooperation for sustainable communities in China",
    "home_summary": "News, program summaries, success stories and practical tips from Harmony Foundation's work "
    "with Chinese cities and communities.",
    "home_intro": "<p>Since 2006 Harmony Foundation has worked with Chinese mayors, environmental managers and "
    "community leaders to make development healthier and more sustainable. Read the news from the program, "
    "its results, the communities' own stories and tips for greener living.</p>",
    "news_title": "News",
    "news_summary": "News from the Leadership Program for Sustainable Community Development in China.",
    "resources_title": "Resources",
    "resources_summary": "Program summaries, success stories and tip sheets to download and share.",
}

TOPICS = [
    ("energy-efficiency", "Energy Efficiency"),
    ("green-consumption", "Green Consumption"),
    ("low-carbon", "Low Carbon"),
    ("reduce-waste", "Reduce Waste"),
    ("waste-management", "Waste Management"),
    ("water-conservation", "Water Conservation"),
    ("organic-food", "Organic Food"),
    ("economic-opportunity", "Economic Opportunity"),
]

# Topics of each newsletter story, by its dateline and position in the newsletter.
STORY_TOPICS = {0: ["low-carbon"], 1: ["waste-management"], 2: [], 3: [], 4: ["low-carbon"]}

ILLUSTRATIVE_NOTE = "Illustrative example: the details below are written for this demo site."

SUCCESS_STORIES = [
    {
        "slug": "dong-yanwu-residents-clean-up-their-neighbourhood",
        "year": 2007,
        "title": "Dong Yanwu residents clean up their neighbourhood",
        "community": "Dong Yanwu community",
        "city": "Qinhuangdao",
        "province": "Hebei",
        "topic": "waste-management",
        "summary": "After a community workshop in October 2007, residents stopped waiting for others to act "
        "and organised to keep their neighbourhood clean.",
        "caption": "Residents of Dong Yanwu plan their first clean-up.",
        "outcomes": [(45, "+", "residents at the community workshop")],
        "body": [
            "On 25 October 2007 more than 45 people came to the community workshop of the Leadership Training "
            "Program at the Dong Yanwu community centre, led by Wu Ju and Peng Yudan of the Environmental "
            "Management College of China.",
            "Rather than blaming the lack of action on local officials and the community management company, "
            "Dong Yanwu residents volunteered to make the place they live in healthier.",
            ILLUSTRATIVE_NOTE,
            "Volunteers mapped the spots where rubbish collected, agreed a weekly clean-up rota with the "
            "management company and set up separate bins for recyclables in each courtyard.",
        ],
        "illustrative_outcomes": [(12, "", "courtyards with recycling bins")],
    },
    {
        "slug": "a-rooftop-organic-garden-feeds-its-community",
        "year": 2009,
        "title": "A rooftop organic garden feeds its community",
        "community": "Xinhua Street community",
        "city": "Chengdu",
        "province": "Sichuan",
        "topic": "organic-food",
        "summary": "Residents turned unused roofs into organic vegetable gardens and a weekly market.",
        "caption": "Vegetable beds on a residential roof.",
        "outcomes": [],
        "body": [
            "The program helped more than 20 communities carry out action plans, among them projects for "
            "organic food production.",
            ILLUSTRATIVE_NOTE,
            "Older residents with farming experience taught neighbours to grow vegetables without chemical "
            "fertilisers, using compost made from the community's kitchen waste.",
            "A Saturday market now sells the surplus, and the income pays for seeds and tools.",
        ],
        "illustrative_outcomes": [
            (30, "", "families growing vegetables"),
            (2, "", "tonnes of kitchen waste composted a year"),
        ],
    },
    {
        "slug": "saving-energy-and-water-one-building-at-a-time",
        "year": 2010,
        "title": "Saving energy and water, one building at a time",
        "community": "Hepingli community",
        "city": "Beijing",
        "province": "",
        "topic": "water-conservation",
        "summary": "Households cut their water and electricity bills with simple fixes and monthly meter readings.",
        "caption": "Volunteers check a water meter.",
        "outcomes": [],
        "body": [
            "Energy and water conservation were among the community action plans the program supported with "
            "training, advice and seed funding.",
            ILLUSTRATIVE_NOTE,
            "Volunteers fixed dripping taps, fitted water-saving shower heads and replaced old bulbs with LED "
            "lamps, then posted each building's monthly meter readings in the lobby.",
        ],
        "illustrative_outcomes": [(15, "%", "less water used"), (10, "%", "less electricity used")],
    },
    {
        "slug": "recycling-workshop-creates-jobs",
        "year": 2011,
        "title": "A recycling workshop creates jobs for people with disabilities",
        "community": "Jianshe Road community",
        "city": "Nanjing",
        "province": "Jiangsu",
        "topic": "economic-opportunity",
        "summary": "A community workshop turns sorted waste into income for residents who struggled to find work.",
        "caption": "Sorting recyclables at the community workshop.",
        "outcomes": [],
        "body": [
            "The program's community projects included economic opportunities for the poor and disabled.",
            ILLUSTRATIVE_NOTE,
            "The community opened a small workshop where residents with disabilities sort recyclables "
            "collected from local households and sell them to recycling companies.",
        ],
        "illustrative_outcomes": [(8, "", "jobs created")],
    },
]

TIP_SHEETS = {
    "energy-efficiency": {
        "intro": "Using less energy at home saves money and cuts the pollution from power plants.",
        "tips": [
            (
                "Switch to LED lamps",
                "LED lamps use about 75% less electricity than incandescent bulbs and last many times longer.",
            ),
            (
                "Turn off standby power",
                "Switch televisions, computers and chargers off at the wall or with a power strip when you are not using them.",
            ),
            (
                "Set the air conditioner to 26 °C",
                "Each degree warmer in summer saves several percent of cooling energy; close curtains on sunny windows.",
            ),
            (
                "Choose efficient appliances",
                "When you replace a refrigerator or air conditioner, choose one with China's grade 1 energy label.",
            ),
            (
                "Use natural light",
                "Open curtains in the day and place desks near windows instead of switching on lamps.",
            ),
        ],
    },
    "green-consumption": {
        "intro": "What we buy shapes how much is produced, shipped and thrown away.",
        "tips": [
            (
                "Buy only what you need",
                "Make a list before shopping; food and goods that are never used waste everything it took to make them.",
            ),
            ("Carry your own bag", "A reusable shopping bag replaces hundreds of plastic bags over its life."),
            ("Choose durable products", "Well-made goods that can be repaired last longer than cheap disposable ones."),
            ("Look for eco-labels", "China Environmental Labelling marks products made with less pollution."),
            ("Buy local and seasonal food", "Local, seasonal produce needs less transport and storage."),
        ],
    },
    "low-carbon": {
        "intro": "Everyday choices about travel, food and energy add up to a lower-carbon life.",
        "tips": [
            (
                "Walk, cycle or take public transport",
                "For short trips, walking and cycling produce no emissions; buses and the metro emit far less per person than cars.",
            ),
            ("Share rides", "If you must drive, share the car and combine errands into one trip."),
            ("Eat more vegetables", "Plant-based meals usually have a much smaller carbon footprint than meat."),
            ("Dry clothes in the air", "Air-drying instead of using a tumble dryer saves electricity."),
            ("Plant and care for trees", "Trees store carbon and cool streets in summer."),
        ],
    },
    "reduce-waste": {
        "intro": "The best waste is the waste never created.",
        "tips": [
            ("Refuse disposables", "Say no to disposable chopsticks, cups and straws; carry your own."),
            ("Reuse containers", "Glass jars and sturdy boxes can store food and small items again and again."),
            ("Repair before replacing", "Mend clothes, fix appliances and use repair services before buying new."),
            ("Plan meals", "Cook what you will eat and use leftovers to avoid wasting food."),
            ("Give away what you no longer need", "Donate clothes, books and furniture to people who can use them."),
        ],
    },
    "waste-management": {
        "intro": "Sorting waste at home lets it be recycled, composted or disposed of safely.",
        "tips": [
            (
                "Sort into four kinds",
                "Separate recyclables, kitchen waste, hazardous waste and other waste, as your city's rules require.",
            ),
            ("Keep recyclables clean and dry", "Rinse bottles and cans and flatten cardboard so they can be recycled."),
            ("Compost kitchen waste", "Vegetable peels and food scraps can become compost instead of landfill."),
            (
                "Handle hazardous waste safely",
                "Take batteries, medicines, paint and fluorescent lamps to the hazardous-waste bin.",
            ),
            ("Never burn rubbish", "Burning waste in the open releases toxic smoke; use the collection service."),
        ],
    },
    "water-conservation": {
        "intro": "Many Chinese cities are short of water; every household can use less.",
        "tips": [
            (
                "Fix leaking taps",
                "A dripping tap can waste thousands of litres a year; a new washer costs very little.",
            ),
            ("Take shorter showers", "Cutting a shower by two minutes saves about 20 litres of water."),
            ("Reuse water", "Use water from washing vegetables to water plants or flush the toilet."),
            ("Run full loads", "Use the washing machine and dishwasher only when they are full."),
            (
                "Install water-saving fittings",
                "Low-flow shower heads, tap aerators and dual-flush toilets use far less water.",
            ),
        ],
    },
}

TIP_SHEET_TITLE = "{topic} tips"
TIP_SHEET_SUMMARY = "Five practical {topic} tips for every household."
