using System.Collections.Frozen;

namespace Provenance.Attribution;

/// <summary>What the lexicon's lists say a word is.</summary>
[Flags]
internal enum WordClass : byte
{
    /// <summary>Nothing, or not looked up yet.</summary>
    None = 0,

    /// <summary>Looked up.</summary>
    Looked = 1,

    /// <summary>A title before a name ("Sen", "Secretary").</summary>
    Title = 2,

    /// <summary>A capitalised word that never begins a name ("After", "Monday").</summary>
    NotName = 4,

    /// <summary>A word that ends an organisation's or a place's name ("House", "League").</summary>
    OrganisationHead = 8,

    /// <summary>A noun that describes an unnamed speaker ("official").</summary>
    UnnamedHead = 16,

    /// <summary>A noun that makes an organisation of the name before it ("campaign").</summary>
    OrganisationNoun = 32,

    /// <summary>A written thing that words are quoted from ("statement", "report", "tweet").</summary>
    Document = 64,

    /// <summary>A particle inside a name ("de", "van", "bin"), as written.</summary>
    Particle = 128,
}

/// <summary>How a verb attributes words to its subject.</summary>
internal enum VerbUse
{
    /// <summary>A finite verb of saying or writing: "said", "tweeted", "told".</summary>
    Speech,

    /// <summary>A participle that hangs off the sentence's subject: "saying", "adding", "arguing".</summary>
    Participle,

    /// <summary>A verb that puts quoted words on its object: "called it", "described as", "dubbed".</summary>
    Characterise,
}

/// <summary>
/// The words English news uses to attribute speech, as a journalist would list them: verbs of saying
/// and their forms, titles that stand before a name, words that describe an unnamed speaker, and
/// capitalised words that never begin a person's name. The built-in lists are
/// <see cref="Default"/>; a rule may add to them.
/// </summary>
public sealed class AttributionLexicon
{
    // Each entry lists a verb's forms: base, third person, past, participle. The past tense and the
    // present attribute directly ("said", "says"); the participle hangs off the sentence's subject.
    private static readonly string[] SpeechVerbForms =
    [
        "say says said saying", "tell tells told telling", "add adds added adding", "write writes wrote writing",
        "tweet tweets tweeted tweeting", "post posts posted posting", "ask asks asked asking", "reply replies replied replying",
        "respond responds responded responding", "explain explains explained explaining", "note notes noted noting",
        "argue argues argued arguing", "insist insists insisted insisting", "claim claims claimed claiming",
        "declare declares declared declaring", "state states stated stating", "warn warns warned warning",
        "recall recalls recalled recalling", "remark remarks remarked remarking", "continue continues continued continuing",
        "conclude concludes concluded concluding", "acknowledge acknowledges acknowledged acknowledging",
        "admit admits admitted admitting", "concede concedes conceded conceding", "emphasize emphasizes emphasized emphasizing",
        "emphasise emphasises emphasised emphasising", "stress stresses stressed stressing", "reference references referenced referencing", "joke jokes joked joking",
        "quip quips quipped quipping", "shout shouts shouted shouting", "yell yells yelled yelling",
        "scream screams screamed screaming", "whisper whispers whispered whispering", "boast boasts boasted boasting",
        "brag brags bragged bragging", "complain complains complained complaining", "lament laments lamented lamenting",
        "predict predicts predicted predicting", "promise promises promised promising", "vow vows vowed vowing",
        "announce announces announced announcing", "confirm confirms confirmed confirming", "deny denies denied denying",
        "suggest suggests suggested suggesting", "observe observes observed observing", "comment comments commented commenting",
        "counter counters countered countering", "retort retorts retorted retorting", "snap snaps snapped snapping",
        "caution cautions cautioned cautioning", "muse muses mused musing", "wonder wonders wondered wondering",
        "reiterate reiterates reiterated reiterating", "interject interjects interjected interjecting",
        "interrupt interrupts interrupted interrupting", "testify testifies testified testifying",
        "mention mentions mentioned mentioning", "read reads read reading", "urge urges urged urging", "plead pleads pleaded pleading",
        "demand demands demanded demanding", "assert asserts asserted asserting", "maintain maintains maintained maintaining",
        "contend contends contended contending", "charge charges charged charging", "allege alleges alleged alleging",
        "accuse accuses accused accusing", "blast blasts blasted blasting", "slam slams slammed slamming",
        "mock mocks mocked mocking", "exclaim exclaims exclaimed exclaiming", "cry cries cried crying",
        "chant chants chanted chanting", "sing sings sang singing", "pray prays prayed praying", "begin begins began beginning",
        "start starts started starting", "open opens opened opening", "recount recounts recounted recounting",
        "report reports reported reporting", "inform informs informed informing", "assure assures assured assuring",
        "reassure reassures reassured reassuring", "preach preaches preached preaching", "proclaim proclaims proclaimed proclaiming",
        "announce announces announced announcing", "caption captions captioned captioning", "text texts texted texting",
        "email emails emailed emailing", "message messages messaged messaging", "tout touts touted touting",
        "threaten threatens threatened threatening", "agree agrees agreed agreeing", "disagree disagrees disagreed disagreeing",
        "object objects objected objecting", "protest protests protested protesting", "question questions questioned questioning",
        "speculate speculates speculated speculating", "theorize theorizes theorized theorizing", "opine opines opined opining",
        "quote quotes quoted quoting", "scoff scoffs scoffed scoffing", "grumble grumbles grumbled grumbling",
        "gush gushes gushed gushing", "rave raves raved raving", "rant rants ranted ranting", "thunder thunders thundered thundering",
        "declare declares declared declaring", "tease teases teased teasing", "taunt taunts taunted taunting",
        "apologize apologizes apologized apologizing", "apologise apologises apologised apologising",
        "summarize summarizes summarized summarizing", "summarise summarises summarised summarising",
        "elaborate elaborates elaborated elaborating", "clarify clarifies clarified clarifying", "correct corrects corrected correcting",
        "relate relates related relating", "describe describes described describing", "put puts put putting",
        "answer answers answered answering", "speak speaks spoke speaking", "offer offers offered offering", "fire fires fired firing", "shoot shoots shot shooting",
        "chime chimes chimed chiming", "jump jumps jumped jumping", "pipe pipes piped piping", "gripe gripes griped griping",
        "marvel marvels marveled marveling", "exult exults exulted exulting", "bemoan bemoans bemoaned bemoaning",
        "repeat repeats repeated repeating", "probe probes probed probing", "react reacts reacted reacting",
    ];

    // Verbs that lay quoted words on an object rather than report a statement: "called him a
    // "pathological liar"", "described it as "a disaster"".
    private static readonly string[] CharacteriseForms =
    [
        "call calls called calling", "dub dubs dubbed dubbing", "label labels labeled labelled labeling labelling",
        "brand brands branded branding", "term terms termed terming", "deem deems deemed deeming",
        "describe describes described describing", "characterize characterizes characterized characterizing",
        "characterise characterises characterised characterising", "nickname nicknames nicknamed nicknaming",
        "decry decries decried decrying", "denounce denounces denounced denouncing", "praise praises praised praising",
        "hail hails hailed hailing", "dismiss dismisses dismissed dismissing",
    ];

    private static readonly string[] DefaultTitles =
    [
        "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Sen", "Senator", "Rep", "Reps", "Representative", "Congressman", "Congresswoman",
        "Gov", "Governor", "Lt", "Lieut", "President", "Vice", "Secretary", "Gen", "General", "Col", "Colonel", "Capt", "Captain",
        "Cmdr", "Commander", "Sgt", "Sergeant", "Adm", "Admiral", "Maj", "Major", "Cpl", "Pvt", "Officer", "Detective", "Det",
        "Judge", "Justice", "Prof", "Professor", "Mayor", "Rev", "Reverend", "Fr", "Father", "Pastor", "Rabbi", "Imam", "Bishop",
        "Archbishop", "Cardinal", "Pope", "King", "Queen", "Prince", "Princess", "Sir", "Dame", "Lord", "Lady", "Sheikh", "Emir",
        "Chancellor", "Minister", "Premier", "Ambassador", "Amb", "Sheriff", "Chief", "Commissioner", "Attorney", "Speaker",
        "Leader", "Chairman", "Chairwoman", "Chair", "Director", "Superintendent", "Councilman", "Councilwoman", "Councilmember",
        "Alderman", "Assemblyman", "Assemblywoman", "Delegate", "Trustee", "Dean", "Coach", "Deputy", "Acting", "Former", "Ex",
        "President-elect", "Chief Justice", "Spokesman", "Spokeswoman", "Spokesperson", "Inspector", "Marshal", "Constable",
        "Hon", "Honorable", "CEO", "CFO", "COO", "CTO", "Chief Executive", "Founder", "Co-founder", "President-elect", "Elder", "Brother", "Sister", "Mother", "Uncle", "Aunt", "Grandpa", "Grandma", "St",
    ];

    // Lower-case heads of a phrase that describes a speaker without naming one ("a senior official",
    // "the cop's daughter", "one protester").
    private static readonly string[] DefaultUnnamedHeads =
    [
        "official", "officials", "spokesman", "spokeswoman", "spokesperson", "spokespeople", "aide", "aides", "source", "sources",
        "adviser", "advisers", "advisor", "advisors", "strategist", "strategists", "analyst", "analysts", "expert", "experts",
        "person", "people", "resident", "residents", "witness", "witnesses", "protester", "protesters", "protestor", "protestors",
        "voter", "voters", "supporter", "supporters", "neighbor", "neighbors", "neighbour", "neighbours", "friend", "friends",
        "relative", "relatives", "member", "members", "staffer", "staffers", "employee", "employees", "worker", "workers",
        "officer", "officers", "agent", "agents", "diplomat", "diplomats", "lawmaker", "lawmakers", "lawyer", "lawyers",
        "attorney", "attorneys", "insider", "insiders", "observer", "observers", "critic", "critics", "activist", "activists",
        "organizer", "organizers", "student", "students", "teacher", "teachers", "parent", "parents", "mother", "father",
        "daughter", "son", "wife", "husband", "woman", "man", "women", "men", "girl", "boy", "reporter", "reporters", "journalist",
        "commentator", "host", "anchor", "executive", "executives", "leader", "leaders", "representative", "representatives",
        "manager", "owner", "chairman", "official's", "veteran", "veterans", "fan", "fans", "user", "users",
        "caller", "viewer", "viewers", "reader", "readers", "poster", "commenter", "commenters", "doctor", "nurse", "victim",
        "survivor", "suspect", "candidate", "candidates", "volunteer", "volunteers", "customer", "customers", "guest", "guests",
        "onlooker", "bystander", "passenger", "driver", "soldier", "soldiers", "fighter", "fighters", "commander", "negotiator",
        "negotiators", "mediator", "mediators", "investigator", "investigators", "prosecutor", "prosecutors", "researcher",
        "researchers", "scientist", "scientists", "economist", "economists", "pollster", "pollsters", "operative", "operatives",
        "donor", "donors", "delegate", "delegates", "senator", "congressman", "congresswoman", "governor", "mayor", "minister",
        "president", "director", "secretary", "general", "colleague", "colleagues", "partner", "spouse", "sister", "brother",
        "cousin", "uncle", "aunt", "grandmother", "grandfather", "child", "children", "kid", "kids", "teen", "teenager",
        "year-old", "someone", "somebody", "anyone", "everyone", "nobody", "group", "crowd", "audience",
    ];

    // Written things words are quoted from: their author speaks, not the paper ("the EU statement
    // said" is the EU's; "the statement said" names no one).
    private static readonly string[] DefaultDocumentHeads =
    [
        "statement", "statements", "website", "report", "letter", "release", "document", "documents", "memo", "email", "e-mail",
        "tweet", "tweets", "post", "filing", "complaint", "lawsuit", "indictment", "ruling", "order", "transcript", "video", "ad",
        "advertisement", "book", "article", "column", "editorial", "op-ed", "study", "survey", "poll", "message", "note", "sign",
        "banner", "caption", "headline", "page", "blog", "petition", "resolution", "affidavit", "warrant", "motion", "brief",
        "verdict", "announcement", "notice", "handout", "flyer", "leaflet", "manual", "guide", "guidelines", "policy", "plan",
        "platform", "text", "script", "label", "slogan", "ballot", "report's", "statement's",
    ];

    // Lower-case nouns that, after a capitalised name, make an organisation of it ("the Clinton
    // campaign", "the Trump administration", "the Charlotte-Mecklenburg police").
    private static readonly string[] DefaultOrganisationNouns =
    [
        "campaign", "administration", "government", "ministry", "department", "office", "police", "team", "camp",
        "spokesperson's", "committee", "company", "firm", "embassy", "foundation", "organization", "organisation",
        "group", "agency", "military", "army", "council", "party", "family", "spokesman's", "website", "site", "network",
        "channel", "station", "newspaper", "paper", "magazine", "outlet", "show", "program", "programme", "union", "board",
    ];

    // Capitalised words that end an organisation's or a place's name, never a person's ("White
    // House", "Justice Department", "Ivy League", "New York City", "Miss Universe").
    private static readonly string[] DefaultOrganisationHeads =
    [
        "House", "Department", "Dept", "Ministry", "Office", "Campaign", "Committee", "Party", "Police", "Agency", "Bureau",
        "Council", "Commission", "Court", "Association", "Institute", "Foundation", "Center", "Centre", "University", "College",
        "School", "Company", "Corporation", "Corp", "Inc", "Ltd", "LLC", "Group", "Administration", "Network", "News", "Times",
        "Post", "Journal", "Tribune", "Herald", "Gazette", "Magazine", "Review", "Press", "Radio", "TV", "Television", "Channel",
        "Service", "Services", "Authority", "Board", "Union", "League", "Federation", "Alliance", "Coalition", "Caucus",
        "Congress", "Senate", "Parliament", "Assembly", "Cabinet", "Pentagon", "Kremlin", "Army", "Navy", "Force", "Forces",
        "Guard", "Corps", "Command", "Church", "Hospital", "Clinic", "Bank", "Fund", "Trust", "Project", "Program", "Programme",
        "Initiative", "Chapter", "Branch", "Division", "Unit", "Section", "Wing", "Act", "Bill", "Law", "Amendment", "Constitution", "Street", "Avenue", "Road", "Square", "Park", "Hall",
        "Tower", "Building", "Airport", "Station", "City", "County", "State", "States", "Province", "Republic", "Kingdom",
        "Nations", "Island", "Islands", "River", "Valley", "Mountain", "Mountains", "Universe", "Cup", "Games", "Olympics",
        "Awards", "Award", "Prize", "Day", "Week", "Festival", "Convention", "Conference", "Summit", "Forum", "Club", "Society",
        "Institution", "Museum", "Library", "Studio", "Studios", "Records", "Media", "Entertainment", "Industries", "Holdings",
        "Partners", "Capital", "Management", "Watch", "International", "Worldwide", "Global", "Foundation", "Organization",
        "Organisation", "Secretariat", "Directorate", "Office", "PAC", "Team", "Squad", "Department's", "Facebook", "Twitter",
        "YouTube", "Instagram", "Google", "Apple", "Microsoft", "Amazon", "Reddit", "Snapchat", "Street", "Market", "Exchange",
        "Index", "Report", "Poll", "Survey", "Study", "Data", "Statistics", "Census", "Reuters", "AP", "AFP", "CNN", "BBC",
        "NBC", "ABC", "CBS", "NPR", "PBS", "MSNBC", "Fox", "Politico", "Breitbart",
    ];

    // Capitalised words that start sentences, clauses and phrases but never a person's name.
    private static readonly string[] DefaultNotNames =
    [
        "A", "An", "The", "This", "That", "These", "Those", "It", "Its", "It's", "He", "She", "They", "We", "I", "You", "His", "Her",
        "Their", "Our", "My", "Your", "Him", "Them", "Us", "Me", "And", "Or", "But", "So", "Yet", "Nor", "For", "Then", "Now",
        "Still", "Also", "Even", "Just", "Only", "However", "Meanwhile", "Later", "Earlier", "Asked", "According", "During",
        "Before", "After", "Since", "Until", "While", "When", "Whenever", "Where", "Wherever", "Why", "What", "Whatever", "Who",
        "Whom", "Whose", "Which", "How", "Whoever", "Whomever", "Everyone", "Everybody", "Someone", "Somebody", "Nobody",
        "Anyone", "Anybody", "Nothing", "Something", "Everything", "Anything", "If", "Unless", "Though", "Although", "Because", "As", "At", "By", "Of", "On", "In",
        "Into", "Onto", "To", "From", "With", "Without", "Within", "Under", "Over", "Above", "Below", "About", "Against", "Among",
        "Between", "Through", "Throughout", "Across", "Along", "Around", "Behind", "Beyond", "Despite", "Except", "Like",
        "Unlike", "Upon", "Via", "Per", "Amid", "Toward", "Towards", "Some", "Many", "Most", "Much", "More", "Less", "Few",
        "Several", "Both", "Each", "Every", "All", "Any", "No", "Not", "None", "Yes", "Well", "Instead", "Indeed", "Here",
        "There", "Last", "Next", "First", "Second", "Third", "Finally", "Again", "Once", "Twice", "Today", "Tonight",
        "Tomorrow", "Yesterday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
        "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Perhaps", "Maybe", "Clearly",
        "Obviously", "Apparently", "Reportedly", "Allegedly", "Actually", "Really", "Certainly", "Surely", "Sadly", "Luckily",
        "Fortunately", "Unfortunately", "Interestingly", "Ironically", "Notably", "Similarly", "Likewise", "Otherwise",
        "Therefore", "Thus", "Hence", "Besides", "Moreover", "Furthermore", "Nevertheless", "Nonetheless", "Regardless",
        "Speaking", "Writing", "Talking", "Asked", "Told", "Said", "Says", "Saying", "Added", "Adding", "Responding",
        "Following", "Including", "Regarding", "Considering", "Given", "Whether", "Either", "Neither", "Such", "Other",
        "Another", "Same", "Own", "Let", "Let's", "Please", "Thank", "Thanks", "Oh", "Ah", "Wow", "Hey", "OK", "Okay", "Mr",
        "Mrs", "Ms", "Dr", "Republicans", "Democrats", "Republican", "Democrat", "Democratic", "Conservatives", "Liberals",
        "Americans", "American", "Officials", "Critics", "Supporters", "Experts", "Analysts", "Police", "Authorities",
        "Sources", "Witnesses", "Residents", "Protesters", "Voters", "Reporters", "Lawmakers", "Congress", "Trumpers",
        "Read", "Watch", "Click", "See", "Share", "Related", "Update", "Updated", "Editor's", "Note", "Photo", "Video",
        "Image", "Source", "Sources", "Featured", "Via", "Advertisement", "Subscribe", "Follow", "Comments", "Comment",
        "Story", "Continued", "Below", "Breaking", "Exclusive", "Opinion", "Analysis", "Watch", "Listen", "Politics", "News",
    ];

    // Places a name may be mistaken for: a state or a country "said" speaks as its government, but is
    // never a person a pronoun refers to.
    private static readonly string[] DefaultPlaces =
    [
        "Afghanistan", "Africa", "Alabama", "Alaska", "Albania", "Aleppo", "Algeria", "America", "Angola", "Ankara", "Antarctica",
        "Argentina", "Arizona", "Arkansas", "Armenia", "Asia", "Athens", "Atlanta", "Austin", "Australia", "Austria",
        "Azerbaijan", "Baghdad", "Bahrain", "Baltimore", "Bangladesh", "Baton Rouge", "Beijing", "Beirut", "Belarus", "Belgium",
        "Berlin", "Bosnia", "Boston", "Brazil", "Britain", "Broadway", "Bronx", "Brooklyn", "Brussels", "Budapest", "Bulgaria",
        "Cairo", "California", "Cambodia", "Canada", "Capitol Hill", "Chad", "Charleston", "Charlotte", "Chechnya", "Chicago",
        "Chile", "China", "Cincinnati", "Cleveland", "Colombia", "Colorado", "Columbus", "Congo", "Connecticut", "Copenhagen",
        "Crimea", "Croatia", "Cuba", "Dallas", "Damascus", "Delaware", "Delhi", "Denmark", "Denver", "Detroit", "Doha", "Dubai",
        "Dublin", "Edinburgh", "Egypt", "Emirates", "England", "Estonia", "Ethiopia", "Europe", "Ferguson", "Finland", "Flint",
        "Florida", "France", "Gaza", "Geneva", "Georgia", "Germany", "Ghana", "Greece", "Guam", "Haiti", "Harlem", "Hawaii",
        "Helsinki", "Hollywood", "Hong Kong", "Houston", "Hungary", "Iceland", "Idaho", "Illinois", "India", "Indiana",
        "Indianapolis", "Indonesia", "Iowa", "Iran", "Iraq", "Ireland", "Islamabad", "Israel", "Istanbul", "Italy", "Japan",
        "Jerusalem", "Jordan", "Kabul", "Kansas", "Kazakhstan", "Kentucky", "Kenya", "Kiev", "Korea", "Kosovo", "Kurdistan",
        "Kuwait", "Kyiv", "Las Vegas", "Latvia", "Lebanon", "Libya", "Lithuania", "London", "Los Angeles", "Louisiana",
        "Louisville", "Madrid", "Maine", "Malaysia", "Mali", "Manhattan", "Maryland", "Massachusetts", "Melbourne", "Memphis",
        "Mexico", "Miami", "Michigan", "Milwaukee", "Minneapolis", "Minnesota", "Mississippi", "Missouri", "Montana", "Montreal",
        "Morocco", "Moscow", "Mosul", "Mozambique", "Mumbai", "Myanmar", "Nashville", "Nebraska", "Nepal", "Netherlands",
        "Nevada", "New Delhi", "New Hampshire", "New Jersey", "New Mexico", "New Orleans", "New York", "New Zealand", "Newark",
        "Niger", "Nigeria", "North Carolina", "North Dakota", "North Korea", "Northern Ireland", "Norway", "Oakland", "Ohio",
        "Oklahoma", "Oman", "Oregon", "Orlando", "Oslo", "Ottawa", "Pakistan", "Palestine", "Paris", "Pennsylvania", "Peru",
        "Philadelphia", "Philippines", "Phoenix", "Pittsburgh", "Poland", "Portland", "Portugal", "Prague", "Puerto Rico",
        "Qatar", "Queens", "Raleigh", "Rhode Island", "Richmond", "Riyadh", "Romania", "Rome", "Russia", "Rwanda", "Sacramento",
        "San Antonio", "San Diego", "San Francisco", "Saudi Arabia", "Scotland", "Seattle", "Senegal", "Serbia", "Silicon Valley",
        "Singapore", "Somalia", "South Africa", "South Carolina", "South Dakota", "South Korea", "South Sudan", "Spain",
        "St. Louis", "Stockholm", "Sudan", "Sweden", "Switzerland", "Sydney", "Syria", "Taiwan", "Tampa", "Tanzania", "Tehran",
        "Tel Aviv", "Tennessee", "Texas", "Thailand", "Tibet", "Tokyo", "Toronto", "Tulsa", "Tunisia", "Turkey", "Uganda",
        "Ukraine", "United Arab Emirates", "United States", "Utah", "Uzbekistan", "Vancouver", "Venezuela", "Vermont", "Vienna",
        "Vietnam", "Virginia", "Wales", "Wall Street", "Warsaw", "Washington", "West Bank", "West Virginia", "Wisconsin",
        "Wyoming", "Yemen", "Zambia", "Zimbabwe",
    ];

    // Common first names by the pronoun that usually refers to their bearer, so that "she said"
    // after a man and a woman were named goes to the woman. Names used for either are left out.
    private static readonly string[] FemaleFirstNames =
    [
        "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Nancy", "Lisa",
        "Betty", "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle", "Dorothy", "Carol", "Amanda",
        "Melissa", "Deborah", "Stephanie", "Rebecca", "Sharon", "Laura", "Cynthia", "Kathleen", "Amy", "Shirley", "Angela",
        "Helen", "Anna", "Brenda", "Pamela", "Nicole", "Emma", "Samantha", "Katherine", "Christine", "Debra", "Rachel",
        "Catherine", "Carolyn", "Janet", "Ruth", "Maria", "Heather", "Diane", "Virginia", "Julie", "Joyce", "Victoria", "Olivia",
        "Kelly", "Christina", "Lauren", "Joan", "Evelyn", "Judith", "Megan", "Cheryl", "Andrea", "Hannah", "Martha", "Jacqueline",
        "Frances", "Gloria", "Ann", "Teresa", "Kathryn", "Sara", "Janice", "Jean", "Alice", "Madison", "Doris", "Abigail",
        "Julia", "Judy", "Grace", "Denise", "Amber", "Marilyn", "Beverly", "Danielle", "Theresa", "Sophia", "Marie", "Diana",
        "Brittany", "Natalie", "Isabella", "Charlotte", "Rose", "Alexis", "Kayla", "Hillary", "Hilary", "Kellyanne", "Nikki",
        "Condoleezza", "Madeleine", "Michele", "Sheryl", "Oprah", "Ivanka", "Melania", "Chelsea", "Huma", "Loretta", "Sally",
        "Susana", "Jill", "Tammy", "Kirsten", "Dianne", "Patty", "Debbie", "Tulsi", "Maxine", "Cathy", "Kamala", "Claire",
        "Shelley", "Rosie", "Megyn", "Gretchen", "Katy", "Dana", "Mika", "Norah", "Robin", "Erin", "Katie", "Savannah", "Hoda",
        "Christiane", "Candy", "Greta", "Jeanine", "Ana", "Alicia", "Angelina", "Beyonce", "Rihanna", "Meryl", "Whoopi", "Ellen",
        "Gwen", "Tiffany", "Lara", "Eva", "Elena", "Sofia", "Ivana", "Marla", "Marina", "Natasha", "Olga", "Svetlana", "Yulia",
        "Irina", "Marine", "Ségolène", "Federica", "Jacinda", "Golda", "Indira", "Benazir", "Aung", "Malala", "Hope", "Faith",
        "Joy", "Kristen", "Kristin", "Kirstjen", "Betsy", "Elaine", "Valerie", "Bernadette", "Shannon", "Stacey", "Stacy",
        "Tracy", "Wendy", "Yvonne", "Zoe", "Lucy", "Molly", "Holly", "Leah", "Jenna", "Jenny", "Jane", "Joanna", "Joanne",
        "Josephine", "Katharine", "Kate", "Kathy", "Lori", "Lorraine", "Louise", "Lynn", "Marcia", "Marjorie", "Maureen",
        "Melinda", "Mildred", "Monica", "Nina", "Paula", "Peggy", "Phyllis", "Regina", "Rita", "Roberta", "Rosa", "Roxanne",
        "Sylvia", "Tina", "Vanessa", "Vera", "Veronica", "Vivian", "Wanda",
    ];

    private static readonly string[] MaleFirstNames =
    [
        "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles", "Christopher",
        "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Paul", "Andrew", "Joshua", "Kenneth", "Kevin", "Brian",
        "George", "Timothy", "Ronald", "Edward", "Jason", "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan",
        "Stephen", "Larry", "Justin", "Scott", "Brandon", "Benjamin", "Samuel", "Gregory", "Alexander", "Frank", "Patrick",
        "Raymond", "Jack", "Dennis", "Jerry", "Tyler", "Aaron", "Jose", "Adam", "Nathan", "Henry", "Douglas", "Zachary", "Peter",
        "Kyle", "Ethan", "Walter", "Noah", "Jeremy", "Christian", "Keith", "Roger", "Terry", "Gerald", "Harold", "Sean", "Austin",
        "Carl", "Arthur", "Lawrence", "Dylan", "Jesse", "Bryan", "Billy", "Joe", "Bruce", "Gabriel", "Logan", "Albert", "Willie",
        "Alan", "Juan", "Wayne", "Elijah", "Randy", "Roy", "Vincent", "Ralph", "Eugene", "Russell", "Bobby", "Mason", "Philip",
        "Louis", "Barack", "Bill", "Bernie", "Mike", "Mitch", "Ted", "Marco", "Rand", "Jeb", "Chris", "Newt", "Rudy", "Reince",
        "Tim", "Ben", "Harry", "Chuck", "Dick", "Al", "Rick", "Jim", "Tom", "Bob", "Dan", "Dave", "Don", "Ed", "Fred", "Greg",
        "Hank", "Jeff", "Jon", "Ken", "Len", "Mitt", "Nick", "Phil", "Ron", "Sam", "Steve", "Tony", "Vince", "Vladimir", "Sergei",
        "Dmitry", "Xi", "Recep", "Bashar", "Emmanuel", "Francois", "Nicolas", "Jacques", "Boris", "Nigel", "Shinzo", "Narendra",
        "Enrique", "Vicente", "Hugo", "Fidel", "Raul", "Luis", "Carlos", "Miguel", "Pedro", "Jorge", "Ricardo", "Roberto",
        "Fernando", "Javier", "Alejandro", "Manuel", "Antonio", "Francisco", "Ahmed", "Mohammed", "Muhammad", "Ali", "Omar",
        "Hassan", "Hussein", "Abdul", "Ibrahim", "Khalid", "Mahmoud", "Mustafa", "Yusuf", "Moshe", "Avi", "Yitzhak", "Ehud",
        "Shimon", "Ariel", "Reuven", "Naftali", "Gideon", "Amos", "Ari", "Corey", "Kellan", "Jared", "Rex", "Brad", "Brett",
        "Chad", "Clint", "Cody", "Colin", "Craig", "Curtis", "Darren", "Dean", "Derek", "Doug", "Drew", "Dustin", "Eddie", "Evan",
        "Floyd", "Glenn", "Grant", "Howard", "Ian", "Isaac", "Ivan", "Jake", "Jay", "Jimmy", "Joel", "Johnny", "Kurt", "Lance",
        "Leonard", "Leo", "Lewis", "Luke", "Marcus", "Martin", "Max", "Mario", "Neil", "Norman", "Oliver", "Oscar", "Owen",
        "Perry", "Randall", "Rodney", "Ross", "Seth", "Shane", "Simon", "Stanley", "Stuart", "Todd", "Travis", "Trevor", "Troy",
        "Victor", "Wesley", "Xavier",
    ];

    private static readonly string[] DefaultPronouns = ["he", "she", "they", "we", "i"];

    private AttributionLexicon(
        FrozenDictionary<string, VerbUse> verbs,
        FrozenSet<string> pastForms,
        FrozenSet<string> titles,
        FrozenSet<string> unnamedHeads,
        FrozenSet<string> organisationNouns,
        FrozenSet<string> organisationHeads,
        FrozenSet<string> notNames,
        FrozenSet<string> pronouns,
        FrozenSet<string> female,
        FrozenSet<string> male,
        FrozenSet<string> places)
    {
        _titles = titles.GetAlternateLookup<ReadOnlySpan<char>>();
        _notNameLookup = notNames.GetAlternateLookup<ReadOnlySpan<char>>();
        _pastLookup = pastForms.GetAlternateLookup<ReadOnlySpan<char>>();
        _organisationNounLookup = organisationNouns.GetAlternateLookup<ReadOnlySpan<char>>();
        _unnamedHeadLookup = unnamedHeads.GetAlternateLookup<ReadOnlySpan<char>>();
        _pronounLookup = pronouns.GetAlternateLookup<ReadOnlySpan<char>>();

        // Each word is classified once per article, by two lookups rather than one per list: the
        // lists that match a word without its final full stop and case-sensitively, and those
        // that match it whole ignoring case. Flags of one word in several lists are combined.
        var bare = new Dictionary<string, WordClass>(StringComparer.Ordinal);
        var whole = new Dictionary<string, WordClass>(StringComparer.OrdinalIgnoreCase);
        foreach (var (set, flag, into) in (ReadOnlySpan<(FrozenSet<string>, WordClass, Dictionary<string, WordClass>)>)[
            (titles, WordClass.Title, bare), (notNames, WordClass.NotName, bare), (organisationHeads, WordClass.OrganisationHead, bare), (Particles, WordClass.Particle, bare),
            (unnamedHeads, WordClass.UnnamedHead, whole), (organisationNouns, WordClass.OrganisationNoun, whole), (DocumentHeads, WordClass.Document, whole)])
        {
            foreach (var word in set)
            {
                into[word] = into.GetValueOrDefault(word) | flag;
            }
        }

        _bareClasses = bare.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _wholeClasses = whole.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _bareFilter = WordFilter.Create(bare.Keys, ignoreCase: false);
        _wholeFilter = WordFilter.Create(whole.Keys, ignoreCase: true);
        _verbFilter = WordFilter.Create(verbs.Keys, ignoreCase: false);
        Places = places;
        PlaceLookup = places.GetAlternateLookup<ReadOnlySpan<char>>();
        VerbLookup = verbs.GetAlternateLookup<ReadOnlySpan<char>>();
        PastForms = pastForms;
        Female = female;
        Male = male;
        _femaleLookup = female.GetAlternateLookup<ReadOnlySpan<char>>();
        _maleLookup = male.GetAlternateLookup<ReadOnlySpan<char>>();
        Verbs = verbs;
        Titles = titles;
        UnnamedHeads = unnamedHeads;
        OrganisationNouns = organisationNouns;
        OrganisationHeads = organisationHeads;
        NotNames = notNames;
        Pronouns = pronouns;
    }

    private static readonly FrozenSet<string> DocumentHeads = DefaultDocumentHeads.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Particles inside a name, which join capitalised words into one ("Charles de Gaulle").
    private static readonly FrozenSet<string> Particles = FrozenSet.Create(
        StringComparer.Ordinal, "de", "van", "von", "der", "den", "bin", "al", "el", "da", "di", "du", "la", "le", "del", "dos", "ibn", "bint", "ter", "mac");

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _titles;
    private readonly FrozenDictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> _bareClasses;
    private readonly FrozenDictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> _wholeClasses;

    // The lists looked up by a span of a block's text, without making a string.
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _notNameLookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _pastLookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _organisationNounLookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _unnamedHeadLookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _pronounLookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _femaleLookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _maleLookup;

    // Most words are in no list: these say so without a lookup.
    private readonly WordFilter _bareFilter;
    private readonly WordFilter _wholeFilter;
    private readonly WordFilter _verbFilter;

    /// <summary>The built-in English lists.</summary>
    public static AttributionLexicon Default { get; } = Create([], [], []);

    /// <summary>Verbs of saying by form, lower case, with how each attributes.</summary>
    internal FrozenDictionary<string, VerbUse> Verbs { get; }

    /// <summary><see cref="Verbs"/> looked up by a span of text, without making a string.</summary>
    internal FrozenDictionary<string, VerbUse>.AlternateLookup<ReadOnlySpan<char>> VerbLookup { get; }

    /// <summary>Whether <paramref name="word"/> is in <see cref="NotNames"/>, as written.</summary>
    internal bool IsNotName(ReadOnlySpan<char> word) => _notNameLookup.Contains(word);

    /// <summary>Whether <paramref name="word"/> is in <see cref="PastForms"/>.</summary>
    internal bool IsPastForm(ReadOnlySpan<char> word) => _pastLookup.Contains(word);

    /// <summary>Whether <paramref name="word"/> is in <see cref="OrganisationNouns"/> (any case).</summary>
    internal bool IsOrganisationNoun(ReadOnlySpan<char> word) => _organisationNounLookup.Contains(word);

    /// <summary>Whether <paramref name="word"/> is in <see cref="UnnamedHeads"/> (any case).</summary>
    internal bool IsUnnamedHead(ReadOnlySpan<char> word) => _unnamedHeadLookup.Contains(word);

    /// <summary>Whether <paramref name="word"/> is in <see cref="Pronouns"/>, as written.</summary>
    internal bool IsPronoun(ReadOnlySpan<char> word) => _pronounLookup.Contains(word);

    /// <summary>Whether <paramref name="word"/> in lower case (<see cref="string.ToLowerInvariant()"/>) is in <see cref="UnnamedHeads"/>.</summary>
    internal bool IsUnnamedHeadInLowerCase(ReadOnlySpan<char> word) =>
        System.Text.Ascii.IsValid(word) ? IsUnnamedHead(word) : UnnamedHeads.Contains(word.ToString().ToLowerInvariant());

    /// <summary>Whether <paramref name="word"/> in lower case (<see cref="string.ToLowerInvariant()"/>) is in <see cref="Pronouns"/>.</summary>
    internal bool IsPronounInLowerCase(ReadOnlySpan<char> word)
    {
        // Lower-cased on the stack where the word is ASCII, as ToLowerInvariant would.
        Span<char> lower = stackalloc char[16];
        return word.Length <= lower.Length && System.Text.Ascii.ToLower(word, lower, out var written) == System.Buffers.OperationStatus.Done
            ? IsPronoun(lower[..written])
            : Pronouns.Contains(word.ToString().ToLowerInvariant());
    }

    /// <summary>The verb of saying <paramref name="word"/> is a form of, and how it attributes, if it is one.</summary>
    internal bool TryGetVerb(ReadOnlySpan<char> word, out VerbUse use)
    {
        use = default;
        return _verbFilter.MayContain(word) && VerbLookup.TryGetValue(word, out use);
    }

    /// <summary>The past tenses among <see cref="Verbs"/>: "said" is a verb wherever it stands, while "states", "reports" or "mock" may be nouns or adjectives.</summary>
    internal FrozenSet<string> PastForms { get; }

    /// <summary>Titles that stand before a name, without their full stop ("Sen", "Gov", "Secretary").</summary>
    internal FrozenSet<string> Titles { get; }

    /// <summary><see cref="Titles"/> looked up by a span of text, without making a string.</summary>
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleLookup => _titles;

    /// <summary>Nouns that describe an unnamed speaker (any case).</summary>
    internal FrozenSet<string> UnnamedHeads { get; }

    /// <summary>Nouns that make an organisation of the name before them ("Clinton campaign"), any case.</summary>
    internal FrozenSet<string> OrganisationNouns { get; }

    /// <summary>Capitalised words that end an organisation's or place's name.</summary>
    internal FrozenSet<string> OrganisationHeads { get; }

    /// <summary>Capitalised words that never begin a person's name.</summary>
    internal FrozenSet<string> NotNames { get; }

    /// <summary>Pronouns that stand for a speaker, lower case.</summary>
    internal FrozenSet<string> Pronouns { get; }

    /// <summary>Names of places: US states, countries, large cities.</summary>
    internal FrozenSet<string> Places { get; }

    /// <summary><see cref="Places"/> looked up by a span of text.</summary>
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceLookup { get; }

    /// <summary>First names usually referred to as "she".</summary>
    internal FrozenSet<string> Female { get; }

    /// <summary>First names usually referred to as "he".</summary>
    internal FrozenSet<string> Male { get; }

    /// <summary>Whether the word is a first name of <see cref="Female"/> or <see cref="Male"/>.</summary>
    internal bool IsGivenName(ReadOnlySpan<char> word) => _femaleLookup.Contains(word) || _maleLookup.Contains(word);

    /// <summary>What a word is to the lists, as <see cref="WordClass"/> flags; a title's, a capitalised non-name's or an organisation's word is looked up without a final full stop.</summary>
    internal WordClass Classify(ReadOnlySpan<char> word)
    {
        var found = WordClass.Looked;
        var trimmed = word.TrimEnd('.');
        if (_bareFilter.MayContain(trimmed) && _bareClasses.TryGetValue(trimmed, out var bare))
        {
            // A particle is one as written, full stop and all.
            found |= trimmed.Length == word.Length ? bare : bare & ~WordClass.Particle;
        }

        if (_wholeFilter.MayContain(word) && _wholeClasses.TryGetValue(word, out var whole))
        {
            found |= whole;
        }

        return found;
    }

    /// <summary>Whether this is the built-in lexicon (rules using it share one analysis per article).</summary>
    public bool IsDefault => ReferenceEquals(this, Default);

    /// <summary>The built-in lists with more speech verbs (each "base third past participle"), titles and unnamed-speaker nouns.</summary>
    public static AttributionLexicon Create(IEnumerable<string> verbs, IEnumerable<string> titles, IEnumerable<string> unnamedHeads)
    {
        var forms = new Dictionary<string, VerbUse>(StringComparer.Ordinal);
        var past = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in SpeechVerbForms.Concat(verbs))
        {
            var words = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < words.Length; i++)
            {
                // The last form of an entry is its participle; a verb that is also a characterising
                // verb keeps its speech use ("described" reports as well as characterises).
                forms[words[i]] = i == words.Length - 1 && words.Length >= 4 && words[i].EndsWith("ing", StringComparison.Ordinal) ? VerbUse.Participle : VerbUse.Speech;
                if (i == 2 && words.Length >= 4)
                {
                    past.Add(words[i]);
                }
            }
        }

        foreach (var entry in CharacteriseForms)
        {
            var words = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < words.Length; i++)
            {
                if (forms.TryAdd(words[i], VerbUse.Characterise) && i >= 2 && !words[i].EndsWith("ing", StringComparison.Ordinal))
                {
                    past.Add(words[i]);
                }
            }
        }

        return new AttributionLexicon(
            forms.ToFrozenDictionary(StringComparer.Ordinal),
            past.ToFrozenSet(StringComparer.Ordinal),
            DefaultTitles.Concat(titles).Select(t => t.TrimEnd('.')).ToFrozenSet(StringComparer.Ordinal),
            DefaultUnnamedHeads.Concat(unnamedHeads).ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            DefaultOrganisationNouns.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            DefaultOrganisationHeads.ToFrozenSet(StringComparer.Ordinal),
            DefaultNotNames.ToFrozenSet(StringComparer.Ordinal),
            DefaultPronouns.ToFrozenSet(StringComparer.Ordinal),
            FemaleFirstNames.ToFrozenSet(StringComparer.Ordinal),
            MaleFirstNames.ToFrozenSet(StringComparer.Ordinal),
            DefaultPlaces.ToFrozenSet(StringComparer.Ordinal));
    }
}
