"""Word lists for attribution: speech cues, titles, honorifics, organisations, groups, media.

General news English only; nothing here is specific to one article.
"""

from __future__ import annotations


def _forms(*groups: str) -> dict[str, str]:
    """Map every inflected form to its lemma; each group is 'lemma form form …', or 'lemma: form form …'
    when the lemma itself is no cue (the noun 'message' says nothing; 'messaged' does)."""
    table: dict[str, str] = {}
    for group in groups:
        words = group.split()
        lemma = words[0].rstrip(":")
        for word in words[1:] if words[0].endswith(":") else words:
            table[word] = lemma
    return table


# Verbs that introduce or attribute speech (lemma first).  Present plural/base forms are kept
# because a subject noun phrase must stand next to the cue before it counts.
CUE_FORMS: dict[str, str] = _forms(
    "say says said saying",
    "tell tells told telling",
    "add adds added adding",
    "declare declares declared declaring",
    "tweet tweets tweeted tweeting",
    "write writes wrote writing written",
    "post posted posting",
    "note notes noted noting",
    "explain explains explained explaining",
    "acknowledge acknowledges acknowledged acknowledging",
    "argue argues argued arguing",
    "claim claims claimed claiming",
    "insist insists insisted insisting",
    "warn warns warned warning",
    "continue continues continued continuing",
    "ask asks asked asking",
    "reply replies replied replying",
    "respond responds responded responding",
    "state stated stating",
    "announce announces announced announcing",
    "admit admits admitted admitting",
    "praise praises praised praising",
    "urge urges urged urging",
    "call calls called calling",
    "remark remarks remarked remarking",
    "observe observes observed observing",
    "comment comments commented commenting",
    "assert asserts asserted asserting",
    "contend contends contended contending",
    "maintain maintains maintained maintaining",
    "stress stresses stressed stressing",
    "emphasise emphasises emphasised emphasising emphasize emphasizes emphasized emphasizing",
    "recall recalls recalled recalling",
    "concede concedes conceded conceding",
    "predict predicts predicted predicting",
    "promise promises promised promising",
    "vow vows vowed vowing",
    "pledge pledges pledged pledging",
    "suggest suggests suggested suggesting",
    "complain complains complained complaining",
    "lament laments lamented lamenting",
    "boast boasts boasted boasting",
    "joke jokes joked joking",
    "quip quips quipped quipping",
    "recount recounts recounted recounting",
    "describe describes described describing",
    "conclude concludes concluded concluding",
    "counter countered countering",
    "retort retorts retorted retorting",
    "reiterate reiterates reiterated reiterating",
    "confirm confirms confirmed confirming",
    "deny denies denied denying",
    "testify testifies testified testifying",
    "shout shouts shouted shouting",
    "exclaim exclaims exclaimed exclaiming",
    "whisper whispers whispered whispering",
    "wonder wonders wondered wondering",
    "demand demands demanded demanding",
    "caution cautions cautioned cautioning",
    "agree agrees agreed agreeing",
    "allege alleges alleged alleging",
    "accuse accuses accused accusing",
    "criticise criticises criticised criticising criticize criticizes criticized criticizing",
    "condemn condemns condemned condemning",
    "denounce denounces denounced denouncing",
    "blast blasts blasted blasting",
    "slam slams slammed slamming",
    "hail hails hailed hailing",
    "welcome welcomes welcomed welcoming",
    "thank thanks thanked thanking",
    "reveal reveals revealed revealing",
    "answer answers answered answering",
    "propose proposes proposed proposing",
    "advise advises advised advising",
    "plead pleads pleaded pleading",
    "mock mocks mocked mocking",
    "scoff scoffs scoffed scoffing",
    "muse muses mused musing",
    "charge charged charging",
    "label labels labelled labeled labelling labeling",
    "characterise characterises characterised characterize characterizes characterized",
    "brand branded",
    "confide confides confided confiding",
    "indicate indicates indicated indicating",
    "reason reasons reasoned reasoning",
    "assure assures assured assuring",
    "reassure reassures reassured reassuring",
    "underline underlines underlined underlining",
    "underscore underscores underscored underscoring",
    "estimate estimates estimated estimating",
    "clarify clarifies clarified clarifying",
    "elaborate elaborates elaborated elaborating",
    "summarise summarises summarised summarize summarizes summarized",
    "hint hints hinted hinting",
    "laugh laughs laughed laughing",
    "sigh sighs sighed sighing",
    "gush gushes gushed gushing",
    "enthuse enthuses enthused enthusing",
    "fume fumes fumed fuming",
    "interject interjects interjected interjecting",
    "interrupt interrupts interrupted interrupting",
    "repeat repeats repeated repeating",
    "remind reminds reminded reminding",
    "object objects objected objecting",
    "protest protests protested protesting",
    "concur concurs concurred concurring",
    "cry cries cried",
    "yell yells yelled yelling",
    "scream screams screamed screaming",
    "mutter mutters muttered muttering",
    "murmur murmurs murmured murmuring",
    "opine opines opined opining",
    "posit posits posited positing",
    "proclaim proclaims proclaimed proclaiming",
    "speculate speculates speculated speculating",
    "grumble grumbles grumbled grumbling",
    "marvel marvels marveled marvelled marveling marvelling",
    "text: texted texting",
    "email: emailed emailing",
    "message: messaged messaging",
    "read reads",
    "begin begins began",
    "report reported",
    "find finds found",
    "believe believes believed",
    "think thinks thought",
    "put puts putting",
    "sum summed",
    "go went",
    "point pointed",
    "shoot shot",
    "hit",
    "fire fired",
    "push pushed",
    "snap snapped",
)
# Particles completing phrasal cues: "pointed out", "went on", "summed up", "put it".
PHRASAL = {
    "point": "out",
    "go": "on",
    "sum": "up",
    "put": "it",
    "shoot": "back",
    "hit": "back",
    "fire": "back",
    "push": "back",
    "snap": "back",
}
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
# Object pronouns that may name a speaker after a preposition ("according to him").
OBJECT_PRONOUNS: dict[str, str] = {"him": "he", "her": "she", "them": "they"}

HONORIFICS = frozenset(
    "mr mrs ms miss mx dr prof sir dame lord lady rev fr sen rep gov gen lt col maj capt sgt adm cmdr "
    "pres amb atty supt insp det cllr sheikh rabbi imam messrs mme mlle herr brig cpl pte shri smt shrimati "
    "kumari thiru tmt hon".split()
)
# Honorifics that name an office ("Sen. Roe" is a senator); the rest are courtesy titles ("Ms Roe").
OFFICE_HONORIFICS = frozenset("sen rep gov gen amb pres adm col capt lt sgt maj cmdr supt insp det cllr atty".split())
COURTESY_TITLES = HONORIFICS - OFFICE_HONORIFICS
# Words of a job title; case-insensitive.  A capitalised run "Title Title Name Name" splits after them.
TITLE_WORDS = frozenset(
    """president vice prime minister ministers secretary secretary-general general chancellor chairman
    chairwoman chair chairperson ceo cfo coo cto cio director director-general spokesman spokeswoman
    spokesperson adviser advisor senator congressman congresswoman congressmember representative
    governor mayor ambassador envoy commissioner commander chief head leader deputy foreign defence
    defense interior finance economy economic justice health education trade home attorney judge
    speaker whip premier king queen prince princess emperor empress pope archbishop bishop cardinal
    president-elect lawmaker legislator official officer economist analyst strategist professor
    researcher fellow scientist expert founder co-founder executive manager partner editor columnist
    correspondent reporter author lawyer prosecutor sheriff inspector superintendent constable coach
    captain boss skipper treasurer comptroller auditor counsel aide ally critic activist campaigner organizer
    organiser mp mep mla msp peer baroness baron duke duchess earl colonel major lieutenant sergeant
    admiral marshal commandant supreme allied vice-president vice-chair vice-chairman undersecretary
    under-secretary assistant associate senior junior acting interim former then-president then
    ex-president secretary-of-state general-secretary first lady minister-president governor-general
    consul consul-general diplomat negotiator regulator administrator commissioner-general
    spokesman-in-chief chief-of-staff staff sheriff-elect mayor-elect councillor councilor councilwoman
    councilman alderman dean provost rector principal headteacher headmaster chancellor-elect
    cabinet state affairs security intelligence energy environment agriculture transport labour labor
    culture digital science technology housing finance-minister treasury defence-minister nominee
    candidate challenger incumbent frontrunner front-runner geostrategist pundit commentator
    sergeant-major chief-executive managing executive-director pro tem tempore taoiseach tánaiste tanaiste
    cofounder co-chair reverend quarterback pitcher rapper novelist poet playwright doctor""".split()
)
# Titles that are part of how a person is known, kept in their canonical name ("Prince Harry", "Pope Leo").
KNOWN_BY_TITLES = frozenset(
    "prince princess pope king queen sheikh sheikha emir sultan ayatollah grand-duke grand-duchess".split()
)
# Lowercase words that may stand in a title before a name ("veteran US geostrategist X").
DESCRIPTOR_WORDS = frozenset(
    """former veteran longtime long-time retired outgoing incoming acting interim senior top chief
    leading prominent presidential ministerial parliamentary federal state national regional local
    opposition party government military political economic foreign domestic independent conservative
    liberal progressive moderate republican democratic labour tory green left-wing right-wing
    far-right far-left hardline hard-line influential celebrated renowned noted famed award-winning
    deputy assistant associate principal lead chief-of-staff then newly elected re-elected freshman
    veteran then-secretary ally critic aide adviser advisor spokesman spokeswoman spokesperson""".split()
)
TITLE_SUFFIXES = ("ist", "er", "or", "ian", "man", "woman", "person", "ee")
NOT_TITLES = frozenset(
    """never other another rather either whether neither however together further later earlier sooner
    over under after ever whatever whoever whenever wherever forever per were where there here ore
    for nor or minor major order border floor door error mirror honor honour favor favour labor
    color colour power paper water matter number member letter answer manner summer winter""".split()
)
NAME_PARTICLES = frozenset(
    "de da di du del della der den van von ter ten la le bin ibn al el dos das do y zu abu ben st".split()
)
ORG_WORDS = frozenset(
    """centers centres institutes ministry department agency company corporation corp corp. inc inc. ltd ltd. llc plc
    group bank
    council committee party union association institute university college school police army navy
    force forces office commission court tribunal parliament congress senate assembly government
    administration authority authorities board bureau foundation fund trust service services
    organization organisation federation alliance coalition league network centre center hospital
    press times post journal news network media chamber commerce cabinet secretariat treasury reserve
    kremlin pentagon nato un eu who imf opec fbi cia nsa ecb fed csis brookings rand
    co cos gmbh plc. llp lp pty bhd limited
    airlines airways motors holdings partners capital securities industries systems labs laboratories
    society club team church embassy consulate mission directorate command headquarters campaign
    movement front guard guards brigade battalion regiment fleet county prefecture municipality forum""".split()
)
KNOWN_ORGS = frozenset(
    """Kremlin Pentagon NATO White House Downing Street Elysee Élysée Bundestag Knesset Duma Politburo
    Vatican Hamas Hezbollah Taliban""".split()
)
# Common nouns that denote an organisation when they head a subject ("the ministry said").
ORG_NOUNS = frozenset(
    """company firm ministry department agency government administration group bank council committee
    party union association institute university police army military court commission office
    campaign organisation organization charity hospital school board regulator authority authorities
    embassy mission delegation consulate kremlin team club network broadcaster newspaper paper website airline
    carrier retailer
    manufacturer startup lender insurer operator utility watchdog prosecutor's prosecutors
    secretariat cabinet presidency palace junta regime coalition alliance bloc federation
    league foundation chamber prefecture municipality tribunal panel inquiry district county trust
    body institution nonprofit non-profit provider maker producer supplier developer publisher
    consortium conglomerate service station""".split()
)
# Documents that "say" what their authors wrote: "the letter said", "the statement read".
DOCUMENT_NOUNS = frozenset(
    """letter statement report essay article post tweet memo document filing release complaint lawsuit
    indictment ruling study survey paper communique communiqué op-ed column editorial note message
    announcement petition motion resolution declaration bill order judgment judgement verdict
    affidavit email e-mail text transcript blog page website notice bulletin newsletter update advisory
    guidance""".split()
)
# Person nouns: "the minister said", "an official said".
PERSON_NOUNS = frozenset(
    """minister president star senator official spokesman spokeswoman spokesperson adviser advisor
    secretary chancellor governor mayor ambassador envoy commissioner commander chief head leader
    director executive chairman chairwoman chair judge lawyer attorney prosecutor analyst economist
    expert professor researcher scientist doctor nurse teacher student resident witness victim
    officer soldier general admiral colonel captain diplomat negotiator lawmaker legislator
    congressman congresswoman representative premier king queen prince princess pope bishop
    archbishop priest pastor imam rabbi activist campaigner organiser organizer founder owner
    manager worker employee source insider aide ally critic strategist geostrategist author writer
    journalist reporter editor columnist historian candidate nominee councillor councilor
    father mother son daughter wife husband brother sister man woman boy girl farmer driver pilot
    coach player striker midfielder defender goalkeeper captain actor actress singer artist
    musician director producer entrepreneur investor banker trader broker consultant engineer
    physician surgeon psychologist official's lecturer fellow commentator pundit veteran survivor
    protester protestor spokesperson mp mep passenger commuter shopper customer patient parent
    neighbour neighbor tenant landlord visitor tourist fan voter motorist cyclist nurse boss
    midfielder forward winger defender goalkeeper keeper manager head coach skipper user commenter reader
    viewer listener follower homeowner grower rancher retiree volunteer owner-operator year-old person
    delegate realtor agent broker planner developer inspector dispatcher firefighter paramedic
    detective deputy clerk registrar curator librarian pharmacist dentist therapist counselor counsellor
    chef owner landlady barista bartender waiter waitress plumber electrician contractor architect
    accountant attorney-general solicitor barrister magistrate juror defendant plaintiff suspect inmate
    prisoner refugee migrant immigrant settler secretary-general director-general president-elect
    vice-president governor-general attorney-general commissioner-general chief-executive""".split()
)
# Plural heads that make a noun phrase a group speaker ("US senators", "officials").
GROUP_NOUNS = frozenset(
    """senators officials lawmakers legislators ministers leaders experts analysts economists
    scientists researchers doctors residents protesters protestors critics activists campaigners
    diplomats investors traders bankers executives workers employees members sources witnesses
    victims families parents students teachers officers soldiers troops authorities prosecutors
    lawyers attorneys judges representatives congressmen republicans democrats conservatives
    liberals progressives tories signatories organisers organizers farmers voters citizens people
    villagers locals supporters opponents advocates observers commentators historians authors
    scholars academics officials' negotiators mps meps delegates envoys ambassadors governors mayors
    staff colleagues neighbours neighbors fans players athletes survivors rescuers police users readers
    viewers commenters followers customers shoppers commuters passengers patients tenants homeowners
    growers ranchers retirees volunteers owners employers unions""".split()
)
GROUP_PREFIXES = (
    "a group of",
    "a number of",
    "dozens of",
    "hundreds of",
    "thousands of",
    "scores of",
    "a handful of",
    "a few",
    "a bipartisan group of",
    "a cross-party group of",
)
QUANTIFIERS = frozenset(
    "a an the one some several many two three four five six seven eight nine ten dozens other both "
    "most few all various numerous another".split()
)

# Countries, places and their adjectives: never a person's name, often the organisation of a role.
DEMONYMS: dict[str, str] = {
    "american": "United States",
    "us": "United States",
    "u.s.": "United States",
    "british": "United Kingdom",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "english": "England",
    "scottish": "Scotland",
    "welsh": "Wales",
    "irish": "Ireland",
    "french": "France",
    "german": "Germany",
    "italian": "Italy",
    "spanish": "Spain",
    "portuguese": "Portugal",
    "dutch": "Netherlands",
    "belgian": "Belgium",
    "swiss": "Switzerland",
    "austrian": "Austria",
    "swedish": "Sweden",
    "norwegian": "Norway",
    "danish": "Denmark",
    "finnish": "Finland",
    "polish": "Poland",
    "czech": "Czech Republic",
    "slovak": "Slovakia",
    "hungarian": "Hungary",
    "romanian": "Romania",
    "bulgarian": "Bulgaria",
    "greek": "Greece",
    "turkish": "Turkey",
    "russian": "Russia",
    "ukrainian": "Ukraine",
    "belarusian": "Belarus",
    "latvian": "Latvia",
    "lithuanian": "Lithuania",
    "estonian": "Estonia",
    "georgian": "Georgia",
    "armenian": "Armenia",
    "azerbaijani": "Azerbaijan",
    "israeli": "Israel",
    "palestinian": "Palestine",
    "iranian": "Iran",
    "iraqi": "Iraq",
    "syrian": "Syria",
    "lebanese": "Lebanon",
    "jordanian": "Jordan",
    "saudi": "Saudi Arabia",
    "egyptian": "Egypt",
    "emirati": "United Arab Emirates",
    "qatari": "Qatar",
    "yemeni": "Yemen",
    "afghan": "Afghanistan",
    "pakistani": "Pakistan",
    "indian": "India",
    "chinese": "China",
    "japanese": "Japan",
    "korean": "Korea",
    "taiwanese": "Taiwan",
    "vietnamese": "Vietnam",
    "thai": "Thailand",
    "indonesian": "Indonesia",
    "malaysian": "Malaysia",
    "philippine": "Philippines",
    "filipino": "Philippines",
    "australian": "Australia",
    "canadian": "Canada",
    "mexican": "Mexico",
    "brazilian": "Brazil",
    "argentine": "Argentina",
    "argentinian": "Argentina",
    "chilean": "Chile",
    "colombian": "Colombia",
    "venezuelan": "Venezuela",
    "peruvian": "Peru",
    "cuban": "Cuba",
    "nigerian": "Nigeria",
    "kenyan": "Kenya",
    "ethiopian": "Ethiopia",
    "south": "",
    "north": "",
    "european": "European Union",
    "african": "Africa",
    "asian": "Asia",
    "western": "",
    "eastern": "",
    "soviet": "Soviet Union",
    "nato": "NATO",
    "eu": "European Union",
    "un": "United Nations",
    "sudanese": "Sudan",
    "somali": "Somalia",
    "moroccan": "Morocco",
    "algerian": "Algeria",
    "tunisian": "Tunisia",
    "libyan": "Libya",
    "serbian": "Serbia",
    "croatian": "Croatia",
    "slovenian": "Slovenia",
    "bosnian": "Bosnia",
    "albanian": "Albania",
    "moldovan": "Moldova",
    "kazakh": "Kazakhstan",
    "uzbek": "Uzbekistan",
    "mongolian": "Mongolia",
    "burmese": "Myanmar",
    "bangladeshi": "Bangladesh",
    "sri": "",
    "nepalese": "Nepal",
    "new": "",
    "zealand": "New Zealand",
    "scots": "Scotland",
    "hong": "",
    "kong": "Hong Kong",
    "gaza": "Gaza",
    "kyiv": "Kyiv",
}
PLACES = frozenset(
    """america britain england scotland wales ireland france germany italy spain portugal netherlands
    belgium switzerland austria sweden norway denmark finland poland hungary romania bulgaria greece
    turkey russia ukraine belarus latvia lithuania estonia georgia armenia azerbaijan israel palestine
    iran iraq syria lebanon jordan egypt qatar yemen afghanistan pakistan india china japan korea
    taiwan vietnam thailand indonesia malaysia philippines australia canada mexico brazil argentina
    chile colombia venezuela peru cuba nigeria kenya ethiopia europe africa asia washington london
    paris berlin moscow kyiv kiev beijing tokyo brussels bucharest warsaw rome madrid geneva
    jerusalem tehran baghdad damascus beirut cairo delhi ottawa canberra westminster gaza crimea
    donbas donbass kherson kharkiv odesa mariupol bakhmut california texas florida york
    alabama alaska arizona arkansas colorado connecticut delaware hawaii idaho illinois indiana iowa
    kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
    montana nebraska nevada new-hampshire new-jersey new-mexico ohio oklahoma oregon pennsylvania
    tennessee utah vermont virginia wisconsin wyoming carolina dakota manhattan brooklyn chicago
    boston philadelphia atlanta houston dallas seattle detroit miami denver phoenix sacramento
    ontario quebec alberta manitoba saskatchewan bavaria catalonia sydney melbourne mumbai shanghai
    seoul singapore dubai riyadh istanbul ankara athens lisbon vienna prague budapest stockholm oslo
    copenhagen helsinki dublin edinburgh glasgow cardiff belfast manchester liverpool birmingham
    bordeaux lyon marseille toulouse munich hamburg frankfurt milan naples barcelona amsterdam
    rotterdam zurich nairobi lagos johannesburg addis khartoum kabul islamabad karachi dhaka hanoi
    bangkok jakarta manila taipei toronto vancouver montreal lima bogota caracas havana sudan mozambique
    somalia ghana senegal mali niger chad libya tunisia algeria morocco uganda tanzania rwanda congo
    zimbabwe zambia angola namibia botswana cameroon haiti ecuador bolivia paraguay uruguay panama
    guatemala honduras nicaragua salvador nepal bangladesh myanmar cambodia laos mongolia kazakhstan
    uzbekistan serbia croatia bosnia slovenia slovakia moldova albania kosovo montenegro iceland cyprus
    malta luxembourg zealand singapore oman bahrain kuwait emirates saudi""".split()
)
MEDIA = (
    "Bloomberg",
    "Reuters",
    "CNN",
    "BBC",
    "AP",
    "Associated Press",
    "AFP",
    "Agence France-Presse",
    "NPR",
    "Fox News",
    "MSNBC",
    "CNBC",
    "ABC",
    "CBS",
    "NBC",
    "PBS",
    "Sky News",
    "ITV",
    "Channel 4",
    "The New York Times",
    "New York Times",
    "The Washington Post",
    "Washington Post",
    "The Wall Street Journal",
    "Wall Street Journal",
    "WSJ",
    "Financial Times",
    "FT",
    "The Guardian",
    "Guardian",
    "The Times",
    "The Telegraph",
    "Telegraph",
    "The Independent",
    "Politico",
    "Axios",
    "Al Jazeera",
    "Le Monde",
    "Der Spiegel",
    "Spiegel",
    "Die Zeit",
    "Bild",
    "TASS",
    "RIA Novosti",
    "Interfax",
    "Xinhua",
    "The Atlantic",
    "Foreign Affairs",
    "Foreign Policy",
    "Newsweek",
    "Time",
    "USA Today",
    "The Economist",
    "Economist",
    "Vox",
    "Slate",
    "The Hill",
    "Deutsche Welle",
    "DW",
    "Euronews",
    "France 24",
    "RT",
    "Haaretz",
    "Kyiv Independent",
    "Radio Free Europe",
    "RFE/RL",
    "Sunday Times",
    "Daily Mail",
    "The Sun",
    "Mirror",
    "LBC",
    "Times Radio",
    "GB News",
    "Channel 4 News",
    "60 Minutes",
    "Meet the Press",
    "Face the Nation",
    "The Today programme",
    "Today programme",
    "Good Morning America",
    "Nikkei",
    "South China Morning Post",
    "Los Angeles Times",
    "Chicago Tribune",
    "The Boston Globe",
    "Boston Globe",
    "ProPublica",
    "Semafor",
    "Forbes",
    "Fortune",
    "Business Insider",
    "Yahoo News",
    "HuffPost",
    "BuzzFeed News",
    "Vice",
    "Rolling Stone",
    "Variety",
    "Wired",
)
PLATFORMS: dict[str, str] = {
    "twitter": "Twitter",
    "x": "X",
    "facebook": "Facebook",
    "telegram": "Telegram",
    "instagram": "Instagram",
    "threads": "Threads",
    "linkedin": "LinkedIn",
    "truth social": "Truth Social",
    "weibo": "Weibo",
    "tiktok": "TikTok",
    "youtube": "YouTube",
    "bluesky": "Bluesky",
    "mastodon": "Mastodon",
    "vk": "VK",
    "wechat": "WeChat",
    "reddit": "Reddit",
    "substack": "Substack",
}
# Lowercase words that end a subject noun phrase when walking left from a cue.
STOP_WORDS = frozenset(
    """the a an this that these those and or but nor so yet for of in on at by to from with without
    about after before during while when where which who whom whose what as than then if because
    although though since until unless into onto upon over under between among against through
    across is are was were be been being has have had do does did will would shall should can
    could may might must not also just only even still already very more most less least much
    it its their his her our your my there here now""".split()
)
ADVERBS_BETWEEN = frozenset(
    """also later then has have had previously earlier recently once again repeatedly publicly
    privately simply further separately reportedly subsequently quickly immediately bluntly flatly
    angrily calmly quietly firmly frankly candidly openly sharply initially originally finally
    ultimately still even only really actually famously memorably once had would will could has
    was is did does do just yesterday today tonight""".split()
)
# Names and titles of works, nicknames: a quote right after these is not a statement.
NAME_INTRODUCERS = (
    "so-called",
    "so called",
    "dubbed",
    "nicknamed",
    "known as",
    "titled",
    "entitled",
    "headlined",
    "named",
    "code-named",
    "codenamed",
    "code named",
    "the term",
    "the word",
    "the words",
    "the phrase",
    "the slogan",
    "slogans",
    "slogan",
    "the motto",
    "the hashtag",
    "hashtag",
    "the acronym",
    "the label",
    "marked",
    "labelled",
    "labeled",
    "reading",
    "signs reading",
    "banner reading",
    "branded as",
    "billed as",
    "marketed as",
    "advertised as",
    "sold as",
    "trademarked",
    "the name",
    "renamed",
    "rebranded as",
    "aka",
    "a.k.a.",
)
# Nouns that gloss a quoted name: '"Britain's sewer", a phrase that …', '"Plan B", the scheme …'.
LABEL_NOUNS = frozenset(
    """phrase term nickname slogan label name expression moniker motto catchphrase refrain euphemism
    reference scheme programme program plan project operation initiative campaign policy hashtag
    chant song title headline byword shorthand acronym""".split()
)
WORK_NOUNS = frozenset(
    """book books film films movie movies song songs album albums essay essays report reports article
    articles column columns op-ed op-eds poem poems play plays show shows series documentary
    documentaries paper papers study studies headline headlines programme program podcast podcasts
    novel novels memoir memoirs speech lecture exhibition exhibit painting operation exercise
    campaign initiative project plan doctrine strategy policy bill act law treaty accord summit
    conference episode chapter section track record single video game app brand""".split()
)
# Adjectives that open a sentence before a name without being part of it ("Rival Acme Labs said").
LEADING_MODIFIERS = frozenset(
    """rival fellow embattled beleaguered troubled struggling ailing cash-strapped loss-making
    state-owned state-run state-backed privately-held family-owned publicly-traded listed
    fast-growing smaller larger bigger""".split()
)
# Adjectives that open sentences capitalised and name nothing alone ("New regulations have …"); kept inside
# names ("New York", "Old Trafford").
OPENING_ADJECTIVES = frozenset("""new old recent further higher lower several additional""".split())

# Last words of the names of places and things, never people: "Griffith Observatory", "the Rust Belt".
# (Not "park", "hall", "field", "church": they are surnames as often.)
PLACE_HEADS = frozenset(
    """airport observatory land belt street avenue square tower building center centre stadium arena station
    river mountains island islands valley beach road highway bay harbor harbour canal coast desert forest
    falls canyon peninsula plaza mall hotel hospital museum theater theatre cathedral mosque palace airfield
    prison""".split()
)
# Nationality nouns that stand for a person already introduced ("the Swede", "the Dutchman"); adjectives
# that double as nouns ("the Australian") come from DEMONYMS.
NATIONALITY_NOUNS = frozenset(
    """swede dane finn norwegian german frenchman frenchwoman dutchman dutchwoman spaniard briton brit scot
    scotsman welshman welshwoman irishman irishwoman englishman englishwoman pole czech slovak croat serb
    slovene turk greek icelander kiwi argentine filipino thai swiss portuguese""".split()
)

# Party labels written before a member's name ("Democrat Jo Smith", "Republican Al Lee"): no part of it.
PARTY_LABELS = frozenset(
    "democrat republican conservative tory liberal socialist libertarian labourite independent".split()
)
# Major parties of English-language news written by their short or plural forms, folded (no leading "the"),
# to the party's name.  US "Democrats"/"Republicans" are left out: in US news they usually mean lawmakers.
PARTY_NAMES: dict[str, str] = {
    "labour": "Labour Party",
    "conservatives": "Conservative Party",
    "conservative": "Conservative Party",
    "tory": "Conservative Party",
    "tories": "Conservative Party",
    "tory party": "Conservative Party",
    "lib dems": "Liberal Democrats",
    "lib dem": "Liberal Democrats",
    "liberal democrat": "Liberal Democrats",
    "greens": "Green Party",
    "snp": "Scottish National Party",
    "ndp": "New Democratic Party",
    "new democrats": "New Democratic Party",
    "liberals": "Liberal Party",
    "nationals": "National Party",
    "bjp": "Bharatiya Janata Party",
    "aap": "Aam Aadmi Party",
    "ukip": "UK Independence Party",
    "dup": "Democratic Unionist Party",
}
