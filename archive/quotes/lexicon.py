"""Common words of news, written in lower case (bench/quotes/lexicon.py writes it from
2693 development articles: 7802 words)."""

_WORDS = """
    abandon abandoned abandoning abandonment abide abiding abilities ability able aboard
    abolish abolishing abortion abortionist abortions about above abruptly absence absent
    absentee absolutely absurd abuse abused abuses abusive academic academics accelerate
    accelerated accelerating acceleration accept acceptable accepted accepting accepts
    access accessed accessible accessing accession accident accidentally acclaim acclaimed
    accolade accolades accommodate accompanied accompanying accomplish accomplishment
    accomplishments accord according account accountable accountant accounted accounting
    accounts accumulated accuracy accurate accurately accusation accusations accuse accused
    accuses accusing accustomed ace achieve achieved achievement achievements achieving
    acknowledge acknowledged acknowledges acknowledging acquire acquired acquisition
    acquisitions acre across acted acting actions activated active actively activism
    activist activists activities activity actor actress actresses acts actual actually
    adamant adapt adaptation adapted adapting add added addiction addictive adding addition
    additional address addressed addresses addressing adds adequate adequately adhere adjust
    adjusted adjustment adjustments administered administrative administrator administrators
    admirable admiration admire admired admission admissions admit admits admitted admitting
    adopt adopted adoptees adopting ads adult adults advances advancing advantage advantages
    adversaries adverse advert advertise advertised advertisements advertisers advertising
    adverts advice advise advised adviser advisers advises advising advisor advocacy
    advocated advocating affair affect affected affecting affection affects affidavit
    affiliate affiliated affirm affluent afford afraid after aftermath afternoon afterward
    afterwards again against aged ageing agencies agenda agendas ages aggravated aggravating
    aggressive aggressively aging ago agree agreed agreeing agreements agrees ahead aide
    aides aiding ailing aim aimed aiming aims aircraft aired airing airline airplanes
    airplay airports airstrikes airwaves aka akin alarm alarmed alarming albeit album albums
    alerted alerts alienate alienating aliens aligned alike all allegation allegations
    allege alleged allegedly alleges allegiance allegiances alleging alliances allies
    allocated allow allowance allowances allowed allowing allows alluding ally almost alone
    along alongside already alright also altered altering alternatives although altogether
    always am amassed amazed amazing ambition ambitions ambitious amend amendments amid
    ammunition among amongst amount amounted amounting amounts ample amplify an analogue
    analysis analyst analysts anchor ancient and anger angered angle angled angrily angry
    animals animated animating animation animosity ankle anniversary announce announced
    announcement announcements announcing annual annually anomaly anonymity anonymously
    another answer answered answering answers ante antenna anthem anticipated antics
    antitrust anxieties anxiety anxious any anybody anymore anyone anything anytime anyway
    apartment apiece apologise apologised apologize apologized apology apparent apparently
    appealed appealing appear appearance appearances appeared appearing appears appetite
    applaud applauded applause applicants application applications applies apply applying
    appoint appointed appointee appointing appointment appointments appreciate appreciated
    appreciation approach approached approaches approaching appropriate appropriately
    approval approvals approved approves approximately arbitrary arcade architect ardent are
    area areas aren arguably argue argued argues arguing argument arguments arise arisen arm
    around arrange arranged arrangement arrangements array arrest arrested arrests arrival
    arrive arrived arrives arriving arrogant arson article articles articulate artificial
    artificially artist artistic artists as asbestos ashamed aside asked asking asks aspects
    aspiration aspirations aspiring ass assassination assaulted assaults assembled assert
    asserted asserting assertion assertions assess assessing assessment assessments assets
    assignments assist assistance assisting associate associates associations assuage assume
    assumed assumes assuming assumption assumptions assurance assurances assure assured
    asylum at ate athletes atmosphere attached attachment attachments attack attacked
    attacker attackers attacking attacks attempt attempted attempting attempts attend
    attendance attended attendees attending attention attentions attitude attorneys attract
    attracted attracting attraction attractive attracts attributable attributed auction
    auctioned audience audiences audio auditor authentic authenticity author authorised
    authoritarian authorities authorized authors autobiography automated automatic
    automatically autumn availability available average averaged avoid avoided avoiding
    avoids await awaited awaiting awarded awarding aware awareness away awe awesome awful
    awkward axe axed back backbench backbencher backbenchers backbone backdoor backed
    backers backfired background backgrounds backhand backing backlash backs backwards badge
    badly baggage bags baht bail bailout balance balanced balances balancing balked ball
    ballistic ballot balloting ballots ban bandmates bands bandwidth bang banker bankrupt
    bankruptcy banks banned banner banning bans banter bare barely bargaining barn barred
    barrel barrier barriers barring bars base based bases basic basically basis bassist
    batch bathroom batteries battle battled battleground battles battling be beam bearer
    beat beaten beating became because become becomes becoming bed bedroom beef been beer
    before began begin beginning begun behalf behave behaving behavior behaviour behind
    beholden being beings belief beliefs believe believed believer believes believing bells
    belong belonged belonging belongs below bench benchmark beneficial benefit benefited
    benefiting benefits beside best beta betrayal betrayed bets better betting between
    bewildering beyond bias biased bid bidder bidders bidding bids bigger biggest bigotry
    bilateral billed billion billionaire billionaires billions bills binding binge bio
    biofuels biographies biography biometric biopic bipartisan birth birthday birther
    bisexual bit bite bits bitterly bizarre blah blame blamed blames blaming blast blasted
    blasting blasts blatant blazing bleak bleeding blend blessed blew blighted blip
    blistering block blockbuster blockbusters blocked blocking blocks blogging blogosphere
    blogs blond blood blow blown blows boarding boardroom boast boasted boasts boat boats
    bodies body bold bolster bombarded bombing bombings bombs bona bone bonus bonuses booed
    booked booking bookmakers boom booming boos boost boosted boosting boosts boot border
    boring born borne borrow borrowed borrowing boss bosses bot both bother bothered bottom
    bought bounce bounced bound boundaries box boxes boycott boyfriend brace bragging brain
    brake braking branch brand branded branding brands brawl breach breached breaches
    breaching breadth break breakdown breaking breakneck breaks breakthroughs breast
    breathing breed breeding bribe bribery bribes bridges brief briefed briefings briefly
    brightest brilliant brilliantly bring bringing brings broad broadband broadcast
    broadcaster broadcasters broadcasts broaden broader broadly broke broken broker
    brokerage brokered brokers bronze brought browse browser browsers browsing bruises
    bruising brush brushed bubble bug bugs build buildings built bulk bullish bully bullying
    bumper bunch bundled buoyant buoyed burden bureaucracy bureaucratic burglar buried
    burner burning burst burying bus business businesses businessman busy but buy buyer
    buyers buying buyout buys buzz by bypass bypassed cab cables cake calculating
    calculation calculator calendar calibre call called callers calling calls calm came
    cameo cameras campaign campaigned campaigner campaigners campaigning campaigns camps
    campus can cancel canceled cancellations cancelled candid candidacy candidate candidates
    cannabis cannot canvassers cap capabilities capability capable capacities capitalisation
    capitalism capitalist capped caps captain captaincy captains capture captured capturing
    car carbon card cards cared career careers careful carefully careless carers cares
    caretaker caring carmaker carmakers carpet carried carriers carries carrying cars cartel
    cartoon cartridge cartridges carve case cases casinos cast casting casual casualties cat
    catalogue catalogues catalyst catastrophe catch catching catchy categories category
    catering cattle caucuses caught cause caused causes causing caution cautioned cautious
    caveat cease celebrate celebrated celebrates celebrations celebrities cellphones
    cemented censorship cent centred centres centrist cents centuries ceremonies ceremony
    certain certainly certainty certificate chain chains chaired chairing chairmanship
    chairs challenge challenged challengers challenges challenging champion championed
    chance chances change changed changes changing channels chanted chanting chants chaos
    chaotic character characterized characters charge charged charges charging charismatic
    charities charm charming chart charts chasing chat chatter cheap cheaper cheapest
    cheaply cheated cheats checked checking checks cheer cheered cheering cheers chemicals
    chemistry cheque chest childcare children chip chipping chips choices choose chooses
    choosing chopped choreography chose chosen chunk cigarette cinemas circles circulating
    circulation circumstances circus cite cited cites cities citing civilian civilians claim
    claimed claiming claims clamp clampdown clamping clan clarified clarify clarifying
    clarity clash clashed clashes class classed classes classical classified classify
    classroom cleaner cleaning clear clearance cleared clearer clearly clerk clever cleverly
    click clicking clients climate climb climbed climbing clinch clinched clinching clinical
    clinics clip clips clock clocked cloning close closed closely closest closing closure
    clothing clout clubs clues clutch co coach coached coaches coaching coal cocaine cocoa
    coded codenamed coffee coffers coin coincide coincided coincidence coincidentally coined
    collaborated collaboration collapse collapsed collapsing collar colleague colleagues
    collect collected collecting collection collections collective collector colleges
    colonial colour coloured colourful colours column columnist columns com combat combating
    combination combine combined combines combining come comeback comedian comedy comes
    comfort comfortable comfortably comic coming commanded commanders commanding commands
    comment commentator commentators commented commenting comments commercially commercials
    commissioned commissioners commissions commit commitment commitments committed
    committing common commonly commonplace communicate communicator communities commuters
    compact companies companion company comparable compared comparing comparisons
    compatibility compatible compatriot compelled compelling compensate compensation compete
    competed competence competent competing competition competitions competitive
    competitiveness competitor competitors compiled compiling complacency complacent
    complain complained complaining complaint complaints complete completed completely
    completes completing completion complex complexity compliance complicate complicated
    complied comply component components composed composer composure compound comprehensive
    compressed compression comprise compromise compromised compulsory computer computers con
    concede conceded conceding concentrate concentrated concentrating concentration concept
    concerned concerning concerns concert concerts concession concessions conciliation
    conciliatory conclude concluded concludes concluding conclusion conclusions concrete
    condemned condemning condition conditions condolences conduct conducted conducting
    conductor conducts conferences confess confessed confidence confident confidential
    confidentiality confined confinement confirm confirmation confirmed confirming confirms
    conflict conflicted conflicting conflicts conform confront confrontation confronted
    confronting confuse confused confusing confusion conglomerate congratulate congratulated
    congratulations congregation conjunction connected connecting connection connections
    connectivity connects conscious consecutive consensus consent consequence consequences
    consequential consider considerable considerably consideration considerations considered
    considering considers consistency consistent consistently consists consolation console
    consoles consolidate consolidated consolidation conspiracy constables constant
    constantly constituencies constituency constituents constitutes constructive consulates
    consultancy consultant consultants consultation consulted consume consumers consuming
    consumption contact contacted contacting contacts contain contained containing
    containment contains contemplating contempt contend contender contenders content
    contention contentious contents contest contestant contestants contested contests
    continents continually continuation continue continued continues continuing continuous
    continuously contraception contract contracted contraction contractors contracts
    contradict contradictory contrary contrast contrasted contrasting contrasts contribute
    contributed contributing contribution contributions contributor control controlled
    controller controlling controls controversial controversially controversies controversy
    convened convenient conventional conventions convergence conversation conversations
    conversion convert converted converting convey convicted conviction convictions convince
    convinced convincing cookies cool cooled cooling cooperate coordinated cop cope copied
    copies copper copy copying copyright copyrighted cord core corner corners cornerstone
    corporate corporations correct correction correctly correctness correspondence
    correspondent corruption cost costed costing costly costs costume couch could couldn
    councillors councils count counted counter countered counterfeit counterpart
    counterparts counterterrorism counties counting countries country counts coup couple
    coupled couples courage course courses courtesy courthouse courting courtroom courts
    cover coverage covered covering covers coveted crack crackdown cracked cracking cracks
    crafted crap crass crazy cream create created creates creating creation creations
    creativity creator creatures credibility credible credited creditor creditors credits
    crews cried criminal criminally criminals cripple crippled crises crisis criteria critic
    critical critically criticise criticised criticises criticising criticism criticisms
    criticize criticized criticizing critique critiques crop crosses crossing crossover
    crowd crowded crowds crowned crucial crude crumbling crunch crush crushed crushing
    culminated cultures curfew curfews curled currencies currency current currently
    curriculum cursor curve custody customer customers cut cutbacks cuts cutting cyberspace
    cycle cycles cylinder cynical cynicism damage damaged damages damaging damn dampened
    danced dangerous dangers dare darker data database databases date dates datetime dating
    daughter daunting days deadliest deadline deadlocked deadly deal dealing dealings deals
    dealt deaths debate debated debates debt debts debut debutant debuted debuts decade
    decades decent decide decided decidedly decider decides deciding decision decisions
    decisive deck declarations declare declared declares declaring decline declined declines
    decorated decried dedicated dedication deemed deep deeper deeply defamation default
    defeat defeated defeating defeats defection defects defences defend defendant defendants
    defended defender defenders defending defends defensive defer defiant deficit deficits
    defied define defined defining definite definitely definition definitive deflected
    deflection defraud defy degree delay delayed delaying delays delegate delegates
    delegation delete deleted deliberate deliberately deliberations delight delighted
    deliver delivered deliveries delivering delivers delivery demand demanded demanding
    demands demise demo demographic demonstrate demonstrated demonstrates demonstrating
    demonstration demonstrators denied denies denounce denounced denouncing dented deny
    denying departed departments departure depend dependence dependent depending depends
    deploy deployed deployment deport deportation deportations deported deposition depressed
    deprive deprived depriving depth derail derided derivatives derived descend descended
    descent describe described describes describing description deserve deserved deserves
    design designated designed designer designers designs desire desk desktop desperately
    despite destination destinations destined destroy destroyed destroying destruction
    detail detailed detailing details detain detained detainees detect detected detector
    detention detentions deter deteriorate deterioration determination determine determined
    determining detractors detrimental devastated devastating devastation develop developed
    developing developments develops device devices devise devoted diagnosed dial dialler
    diallers dictate dictator dictators dictatorship did didn died dies diet differ differed
    difference differences different differently difficult difficulties difficulty dig
    digging digit digitally digits dignity dimensions diminished dinner dinners dioxide dip
    diplomacy diplomat diplomatic diplomats dipped dipping dire directed directing direction
    directly director disable disabled disadvantage disadvantaged disagree disagreed
    disagreement disagreements disagrees disallowed disappear disappearance disappeared
    disappearing disappointed disappointing disappointment disapproval disastrous disavow
    disavowed disbelief disciplinary discipline disciplined disclose disclosed disclosure
    disclosures discomfort discount discounted discounts discourage discourse discover
    discovered discovery discrediting discretion discriminate discrimination discriminatory
    discs discuss discussed discussing discussion discussions disdain diseases disgrace
    disgraceful disgruntled disguise disgusting disillusioned disks dislike disliked
    dismantled dismiss dismissal dismissed dismissing dismissive disorder disorderly
    dispatched dispel displaced display displayed displaying displays disposal
    disproportionate disproportionately dispute disputed disputes disqualified disqualifying
    disquiet disrepute disrespect disrupt disrupted disruption disruptive dissatisfied
    dissent dissolve distance distanced distances distant distinct distinction distinctive
    distinguish distinguished distract distracted distraction distressed distribute
    distributing distribution distributors districts distrust disturbed disturbing ditch
    dive diverse divert diverted diverting divide divided dividend dividends divides
    dividing diving divisions divisive divorce divorced do documentaries documentary
    documented documents dodgy does doesn dog dogged doing dollars domains domestic
    dominance dominant dominate dominated dominates dominating domination don donate donated
    donating donation donations done donor donors doomed doping dossier dotcom dotted double
    doubled doubles doubling doubt doubted doubts down download downloadable downloaded
    downloading downloads downside downtown downturn downward dozen dozens draft drafted
    drafting drag dragged dragging drama dramatic dramatically drastically draw drawing
    drawn draws dreamed dressed dressing drilling drinking drinks drive driven driver
    drivers drives driving drop dropped dropping drops drove drowned drugs drum drummer
    drunk du dual dubbed dubious duck due dues duet dug dumped duo during duties dwindling
    dynamic dynamics dysfunctional each eager eagerly ear earlier earliest early earmarked
    earn earned earners earning earnings earns ears ease eased easier easiest easily easing
    easy eat eating echoed echoing eclipse eclipsed economically economies economist
    economists economy ecosystem edged edges edging edit edited editions editorial editors
    edits educate educated educating effect effective effectively effectiveness effects
    efficiency efficient effort efforts egg eight eighth either elaborate elderly elders
    elected election electioneering electorate electricity electrodes electrons element
    elements elevated eligible eliminate eliminated eliminating elites else elsewhere
    elusive em emailed emails embargo embark embarked embarrass embarrassed embarrassing
    embarrassment embassies embattled embedded emblematic embrace embracing embryos emerge
    emerged emergence emerges emerging emissions emotion emotional emotionally emotions
    emphasis emphasize emphasized emphasizing employ employed employee employees employer
    employers employing employment employs empower empowering empty emulate en enable
    enabled enables enabling enacted encounter encountered encounters encourage encouraged
    encouragement encourages encouraging encryption end ended ending endless endlessly
    endorse endorsed endorsements endorsing endured enemies energetic energize energized
    enforce enforced enforcer enforcing engage engaged engagements engages engaging engine
    engineer engineered engines enhance enhancing enjoy enjoyed enjoying enjoys enlarged
    enlisted enormous enormously enough ensure ensured ensures ensuring enter entered
    entering enters entertain entertaining enthusiasm enthusiastic enthusiastically
    enthusiasts entire entirely entities entitled entity entourage entrance entrepreneur
    entrepreneurs entries entry envelope envelopes environment environmentalists
    environments envoy epic epidemic episodes eponymous equalised equaliser equally equipped
    equities equivalent era eradicate erase eroding erratic error errors erupted escalated
    escaped especially essential essentially establish established establishing
    establishment estate esteem estimate estimated estimates etc ethanol ethical ethnic
    ethnicity euros euthanasia evaluate evangelical evaporated evasion even evenly event
    eventual eventually ever every everybody everyday everyone everything evicted eviction
    evidence evident evolved evolving ex exacerbated exact exactly exaggerated examination
    examine examined examining example examples exasperated exceed exceeded exceeding
    exceedingly exceeds excellent except exception exceptional exceptionally exceptions
    excess excesses excessive exchanges excite excited excitement exciting exclude excluded
    excludes excluding exclusion exclusive exclusively excuse execute executives exempt
    exemptions exercise exercises exercising exile exist existed existential existing exists
    exit expand expanded expanding expands expect expectancy expectation expectations
    expected expecting expects expenditure expense expenses expensive experience experienced
    experiences experiencing experiment experimental experiments expert expertise experts
    expire expired expires explain explained explaining explanation explanations explicit
    explicitly explode exploded exploit exploited exploiting exploits explore explored
    exploring explosion explosions explosive exported exporters exporting exports expose
    exposed exposure expressed expressing extend extended extending extends extension
    extensions extensive extent external extra extradition extramarital extraordinarily
    extraordinary extreme extremely extremist extremists eyebrows eyeing fabric face faced
    faces facilitate facilities facing fact faction factor factories factors factual fade
    faded fading fail failed failing failings fails failure failures fairer fairly fairy
    faith faithful fake faked fall fallen falling fallout falls false falsifying faltering
    famed familiar families famine famous famously fan fancy fans far farce fare fares
    farewell farmers farming farms fascist fashion fashioned fast faster fastest fate fated
    fault faults faulty favor favorability favorable favorably favored favorite favors
    favour favourable favoured favourite favourites favours fax fear feared fearful fearing
    fears fearsome feasible feat feature featured features featuring fee feed feeding feel
    feeling feelings feels fees feet fell fellow felons felony felt female fence ferocious
    ferocity fertile festivals festive feta fetch feud few fewer fi fibre fictional fielded
    fierce fiercely fiery fight fighting fights figure figured figures file filed files
    filibuster filing filings fill filled filling filmed filming films filter filters final
    finale finalised finalist finalists finally finals financed finances financially
    financing find findings finds fine fined fines finest fingers finish finished finishes
    finishing firearm firearms firebrand fired fires firewalls fireworks firing firm firmly
    firms first fishing fit fitness fits fitted fitting fix fixed fixes fixing fixture
    fixtures flag flagged flags flagship flair flank flanker flap flared flashes flat
    flattering flaw flawed flaws fled fledgling flexibility flexible flights flip floated
    floating flock flooded flooding floor floors flop flotation flourish flow flowing flown
    flows flu fluid flung flurry fly focus focused focuses focusing foes fold folders folk
    folks follow followed followers following follows fond fool foot footage footed
    footsteps for foray forced forceful forcefully forces forcibly forcing fore forearm
    forecast forecasting forecasts forefront forehand forehead foreigners foremost forensic
    forged forget forgive forgot forgotten form formal formally formation formats formed
    former formerly formidable forming forms forth forthcoming fortnight fortunate
    fortunately fortunes forums forward forwards fossil fostering fought foul fouls found
    foundations founded founder founders four fourth foxes fracking fraction fractured
    fracturing fragile fragmented frame framed framework franchise francs frankly frantic
    fraternity fraud frauds fraudsters fraudulent fraught freed freedoms freeing freely
    freeze frenzy frequent frequently fresh friend friendlies friendly frightened fringe
    from front frontbencher fronted frontline frontman fronts frozen fruit frustrated
    frustrating frustration frustrations fuel fueled fuelled fuelling fulfil fulfill
    fulfilling full fully fun function functionality functions fundamental fundamentally
    fundamentals funded funding fundraiser fundraisers fundraising funeral furious furniture
    furor furore further fury future gadget gadgets gaffe gaffes gain gained gaining gains
    gala gallons gamble game gameplay gamer gamers gaming gap garment garnered gasoline gasp
    gather gathered gathering gathers gave gay gaze gearing gender generally generate
    generated generates generating generation generators generic generosity generous
    genocide genre genres gentle gentlemen genuinely gesture get gets getting giant giants
    gifts gig gigabit gigabyte gigabytes gigantic gigs girlfriend give giveaway given gives
    giving glad glimpse glittering globalisation globalization globally gloom gloomy
    glorious glory glowing glut go goal goalkeeper goals goers goes going gone gong good
    goodbye goodness goods goodwill gossip got gotten govern governed governing government
    governmental governments grabbed grabbing grabs gradual gradually graduated graduates
    grandchildren grandfather grandmother grandson granted granting grants graphical
    graphics grappling grasp grass grateful grave greatly greed greenhouse greet greeted
    grew grim grip grips gritty groin grossly ground groundbreaking grounds groups grow
    growing grown growth gruelling guarantee guaranteed guaranteeing guarantees guarded
    gubernatorial guess guessed guessing guest guests guidance guided guiding guilty
    guitarist gun gunning guns guru guts guys habit habits hacker hackers hacking had hadn
    hailed hails hair halt halted halve halved hammer hammered hamper hampered hamstring
    hand handed handful handhelds handily handing handle handled handles handling hands
    handset handsets hanging hangs happen happening happens happier happily harassment
    harbouring hard hardcore harder hardest hardline hardly hardship hardware harm harmful
    harsh harshly has hasn hassle hate hatred haul have haven haves having hawkish he head
    headed header heading headline headlines headquarters headset healing healthy heaped
    hear heard hearing hearings heated heating heats heavily heavy hedge heed heel heels
    hefty height heightened heir heirs held helicopter helicopters help helped helpful
    helping helps heptathlon her heralded here heroine herself hiding hierarchy higher
    highest highlight highlighted highlighting highlights highly highs hijack hijacked hikes
    hilarious him himself hinge hint hinted hints hip hire hired hiring his historian
    historic historically histories hit hits hitting hold holders holding holds hole holes
    holiday homegrown homeless homes hometown homicides homophobic homosexuality honest
    honestly honesty honorary honored honour honoured honouring hooked hooker hop hope hoped
    hopeful hopefully hopefuls hopes hoping horrible horrific horrified horror horse horses
    host hosted hostile hostility hosting hosts hotly hotspot hotspots hottest hounds hourly
    hours household householders households housemates housing hovering how however https
    hubs huge hugely humanity humans humble humiliating humorous humour hundreds hung hunger
    hungry hunts hurdle hurdles hurt hurting hurts husband husbands hybrid hypothetical
    iceberg icing iconic icons id idea ideal ideas identical identified identifies identify
    identifying identities identity ideological ideologically idle if ignite ignorant ignore
    ignored ignores ignoring illegal illegally illegitimate illiterate illness illustrate
    image imagery imaginary imagination imagine imaging immediate immediately immense
    immensely immersive immigrants immigration imminent immunity impact impacted impartial
    impassioned impeccable impending imperative impetus implement implementation
    implementing implication implications implied imply implying import importance important
    importantly imported imports impose imposed imposing impossible impractical impress
    impressed impression impressions impressive imprisoned imprisonment improper improperly
    improve improved improvements improving in inability inaction inadequate inadvertently
    inappropriate incapable incarnation incendiary incentive incentives inch inches incident
    incidents incite incites inciting inclination inclined include included includes
    including inclusive income incomes incoming incompatible inconsistent inconvenience
    inconvenient incorporate incorporates increase increased increases increasing
    increasingly incredibly incremental incumbent indebted indecency indeed indefinite
    indefinitely independently index indexing indicate indicated indicates indicating
    indication indicative indicator indicators indictment indigenous indirectly
    indispensable individual individually individuals induction indulging industrialised
    ineffective inefficient ineligible inequality inequities inevitable inevitably
    inexperienced infamous infect infected infection infested infighting infiltrated
    inflammatory inflate inflated inflation inflationary inflicted influence influenced
    influences influential influx info inform informal informed informing infrastructure
    infringed infringement inherent inherently inheritance inherited inhumane initial
    initially initiated initiatives injection injunction injured injuries injury ink inkjet
    innocence innocent innovation innovative input inquiries inquiry inroads ins insane
    insecure insecurity insensitive inserted insiders insist insisted insistence insisting
    insists inspection inspectors inspiration inspire inspired inspiring instability install
    installation installed installing instance instances instant instead instinctively
    instincts institutional institutions instructed instructions instrumental insufficient
    insulation insult insulting insults insurer insurers insurgent insurmountable intact
    integral integrate integrated integration integrity intellectual intelligent intend
    intended intends intense intensified intensity intensive intent intention intentional
    intentionally intentions interact interaction interactions interactivity intercepted
    interest interested interesting interests interface interfaces interfere interference
    interfering interim internal internationally internationals interpret interpretation
    interpretations interpreted interpreter interrupted interval intervene intervened
    intervention interventionist interview interviewed interviews intimidation into
    intrigued introduce introduced introducing introduction intruders invasive invented
    invention invest invested investigate investigated investigating investigations
    investigators investing investment investor investors invisible invitation invite
    invited inviting invoked invoking involve involved involvement involves involving ironic
    irregularities irrelevant irresponsible irritated irritating irritation is isn isolated
    isolation isolationist issue issued issues issuing it item items its itself jacket jail
    jailed jarring jaw jeers jeopardy jewellery jibe jihadists job jobless jogging join
    joined joining jointly joked jokes joking jokingly journalist journals judged judgement
    judges judging judgment jump jumped jumper jumping jumps junior junk jurisdiction jurors
    jury just justification justified justify keen keenly keep keeper keeping keeps kept key
    keyboard keynote keystroke kick kicked kicker kickers kicking kicks kid kill killed
    killer killing killings kind kinds kit kits knack knee knees knew knock knocked knocking
    knockout know knowing knowingly knowledge known knows kronor kudos label labeled
    labelled labelling labels lack lacked lacking lacklustre lacks lad ladder lads lag
    lagging laid lambasted lame lamented landed landline landlines landmark lands landscape
    landslide language languages lap laptop laptops large largely larger largest laser
    lasers lashed last lasted lasting late lately later latest latinohiphopradio latter
    laugh laughable laughed laughing launch launched launches launching laundering lawmakers
    laws lawsuit lawsuits lawyer lawyers lax lay laying layoffs layout lays lazy lead
    leaders leadership leading leads leaflet leaflets leagues leak leaked leaking leaks lean
    leaned leaning leap leapt learn learned learners lease least leave leaves leaving
    lecturer led left leftist leg legacy legal legality legally legendary legislation
    legislative legislature legitimacy legitimate legs lend lender lending length lengthy
    lens lent lesbian less lesser lesson lessons let lets letter letting level levelled
    levels leverage lewd liabilities liability liable libel liberalisation libertarians
    libraries licence licences license licensed licenses lid lie lied lies lifeline
    lifestyle lifetime lift lifted lifting lifts light lighter lighting lightly lightweight
    like likeable liked likelihood likely likened likes liking limelight limit limitations
    limited limiting limits limped lined lingering lining linked linking links lira list
    listed listen listened listeners listening listing listings lists literacy literally
    literary literature litigation litres lived livelihoods lively living ll load loaded
    loan lobbied lobbying lobbyist lobbyists local locally located location locations locked
    locking locks logged logging logic logical login logo logs lone long longer longest
    longstanding longtime look looked looking looks looming looms loophole loopholes loose
    loosen lopsided lose losers loses losing loss losses lost lot lots loudly loved lovers
    low lower lowering lowest lows loyal loyalty luck lucky lucrative lukewarm lull lunch
    lunchtime lure lured lurking luxury lying lyrics machine machinery machines made
    magazines magical magnate magnificent magnitude mailed mails main mainland mainly mains
    mainstream maintain maintained maintaining maintains major majorities make maker makers
    makes making male malfunction malicious manage managed manager managerial manages
    managing mandate mandated mandatory maneuvering manifesto manipulate manipulation manner
    manoeuvring mantle manual manually manufactured manufacturer manufacturers manufacturing
    many map mapping maps marched margin marginal marginally margins marijuana marked
    markedly marker market marketed marketing marketplace marking marque marred marriage
    marriages married marry marrying masks mass massacre masses massive master match matched
    matches matching matchup matchups mate material maternity math mathematical maths
    mattered matters mature maturity maximise maximum maybe mayors me meal mean meaning
    meaningful meaningless means meant meantime meanwhile measured measures meat mechanics
    mechanism medallist medals mediation medium meeting meetings meets mega megabits
    megabytes megapixel megapixels member members membership memo memoir memorabilia
    memorable memories memory men mentality mentally mention mentioned mentioning mentions
    menu merchandise mere merely merge merged merger merging merit merits mess message
    messages messy met method methods metre metres metric microphone midday midfield
    midfielder midst might migrant migrants mild milder mile miles militants military
    millionaires millions minded minds mine miner miners mines minimal minimum mining
    ministerial minorities minus minute minutes miracle mired misconduct miserable misery
    misgivings mishandling misinformation misjudged misleading misled misogynist misplaced
    misrepresentation missed misses missing missions missteps mistake mistakes mistrust
    misuse mix mixed mixing mixture moaning mobile mobiles mobilize mockery mocking model
    modelled models moderate moderates moderator moderators modernise modes modest modified
    modify mogul mold mom moment momentous momentum money mongrel moniker monitor monitored
    monitoring monitors month monthly months monumental mood moral moratorium more mortgages
    mosque mosques most mostly mothers motivate motivated motivation motives mould mounted
    mounting mourn mouth move moved movement movements moves movie movies moving much multi
    multinational multiple murdered murky muscle musical musician must muted mutual myself
    mystery naive name named namely naming nanny narrative narrow narrowed narrower narrowly
    nationalist nationalities nationally nationals naturally navigate navigated navigation
    near nearby nearing nearly nears neat necessarily necessary necessity neck need needed
    needing needle needlessly needs negative negatives neglected negligence negotiable
    negotiate negotiated negotiating negotiation negotiations negotiator neighbor
    neighborhood neighborhoods neighboring neighbors neighbour neither nephew nerve nerves
    nervous net nets netted networking neurosurgeon neutral never newcomers newer newest
    newly newspaper newspapers next niche nickname nicknamed nightclub nine no nobody nod
    nods noises nominal nominate nominated nominating nomination nominations nominee
    nominees non none nonetheless nonpartisan nonprofit nonsense nonwhite nor normal
    normally norms nose nostalgia not notable notably notch note notebook notebooks noted
    notes nothing notice noticed notices notified notify noting notion notoriously nots
    novel novels now nowadays nuclear nudity nuisance number numbers numerical numerous
    nurse oath obesity objected objectionable objections objectives obligation obligations
    obliged obliges obscene obscured obscurity observation observe observed observers
    obsessed obsession obstacle obstacles obtain obtained obtaining obvious obviously
    occasion occasional occasionally occasions occupation occupied occupying occur occurred
    occurring occurs odd odds of off offence offences offend offended offenders offending
    offensive offer offered offering offerings offers offices official officially officials
    offline offs offset offsetting offshore offside often oil okay older oldest olds
    omission on onboard once one ones onetime ongoing only ons onslaught onstage onto op
    opened opener opening openings openly openness operate operated operates operating
    operational operative operatives operator operators opinion opinions opponent opponents
    opportunities opportunity oppose opposed opposes opposing opposite opposition opt opted
    optic optimism optimistic opting option options or ordeal ordered orders ordinary
    ordinate ordinator org organic organisations organise organisers organising
    organizational organize organized organizer organizers organizing original originality
    originally originated origins orthodoxy other others otherwise ought our ours ourselves
    oust ousted ouster out outbreak outcome outcry outdated outdoor outfit outgoing outing
    outings outlet outlets outline outlined outlines outlining outplayed output outrage
    outraged outreach outright outset outside outsider outsiders outsourcing outspoken
    outstanding outweigh outweighed ovation over overall overcame overcapacity overcome
    overhaul overheads overlap overlooked overlooking overly overnight overruling oversaw
    overseas oversee overseeing overseen overshadow overshadowed overtake overtaken
    overtaking overthrow overtook overtures overturn overturned overwhelm overwhelmed
    overwhelming overwhelmingly owe owed owes own owned owner owners ownership owning owns
    pace package packages packed packs pager pages paid pain painful paint painted painting
    paintings pair paltry panda panel panels panic paparazzi papers paperwork parallels
    paralysed parent parenting parking part partial partially participants participate
    participated participating participation particular particularly parties partisan
    partisans partisanship partly partner parts pass passed passenger passengers passes
    passing passionate passions passports password passwords past pastor patches patent
    patenting patents path pathetic patients patriarch pattern patterns pause paused pave
    paved pay payer payers paying payments payout payouts payroll peaceful peacefully peak
    peaked pedigree peer peers peg pegged penalised penalties penalty pending penned pension
    pensioner pensioners pent people peppered per perceive perceived percent percentage
    perception perceptions perfect perfectly perform performance performances performed
    performer performers perhaps peril period periods permanently permission permit permits
    permitted persecution persist persistent person persona personal personalisation
    personalised personalities personally persons perspective persuade persuaded persuading
    pervasive pesos pessimistic petition petrol phase phased phenomenal phenomenon
    philosophy phishing phone phones phony photograph photographer photographers photographs
    photos phrase physical physically physio piano pic pick picked picket picking piece
    pieces pig pigs pile piled pills pilots pioneer pioneering pioneers pipeline piracy
    pirated pitch pitched pitches pitting pivot pixels pizza place placed placing plagiarism
    plagued plaintiffs plane planes planet planks plans planted plants plasma plaster
    plastic plate plates platform platforms plausible play playable playback played player
    players playground playing plays playwright plea plead pleaded pleas pleasant pleased
    pleasing pledge pledged pledges pledging plenty plight plots plotting ploughed plug
    plummeted plunged plurality pockets podcast podcasters podcasting podcasts poetry point
    pointed pointedly pointing points poised poison poking polarized polarizing pole
    policies policing polished polite political politically politician politicians
    politicized polled polling polls pollsters polluting pollution pool poor poorer poorest
    poorly popping popular popularity populated population populations populism populist
    porn pornographic portability portal portals portfolio portion portrait portrayal
    portrayed ports pose posed poses posing position positioned positions positive
    positively positives possess possession possibilities possibility possible possibly
    posted poster posters posting postings postponed postponing posts potent potential
    potentially pounds poured pouring poverty powered powerful powerhouse powers practical
    practically practice practiced practices practise pragmatic praise praised praising pray
    pre preaches precedent precedents precise precisely precursor predecessor predecessors
    predict predictable predicted predicting prediction predictions predicts predominantly
    prefer preferable preferences preferred prefers pregnancy pregnant preliminary prelude
    premature prematurely premiere premises premium premiums prep preparation prepare
    prepared prepares preparing presence present presentation presented presenter presenters
    presenting presents preserve preserving presided presidency presidential pressed presses
    pressing pressure pressures prestigious presumably presumed presumption presumptive
    pretend pretending pretty prevail prevailed prevent preventable prevented preventing
    preview previous previously price priced prices pricing primaries primarily primary
    principle print printed printer printers printing prints priority prisoners prisons
    private privately privatisation privatisations privilege privileged privy prizes
    probably probe probes probing problem problematic problems procedural procedure
    procedures proceed proceeds process processed processes processor proclaimed produce
    produced producer produces producing product production productive productivity products
    profession professionalism professionally professionals professors profile profiles
    profit profitability profitable profits profound profoundly program programme programmed
    programmer programmers programmes programming programs progress progressed prohibited
    prohibits projected projecting projections projectors projects proliferation prolong
    prolonged prominence prominent prominently promised promises promising promote promoted
    promoters promotes promoting promotional prompt prompted prompting promptly prone
    pronouncements proof prop propaganda propel propelled proper properly properties
    property proponents proportion proportionate proposal proposals propose proposed
    proposes proposing proposition props prosecute prosecuted prosecuting prosecutors
    prospect prospective prospects prosper prosperity protect protected protecting
    protections protects protege protein protest protested protester protesters protestors
    protests prototype prototypes proud prove proved proven proves provide provided provider
    providers provides providing provinces proving provision provisional provisionally
    provocative provoked proxy psychological pub publication publicity publicly publish
    published publisher publishes publishing pubs pull pulled pulling pulls pulses pumps
    punch punching pundits punish punished punishment punishments punitive punk punters
    pupils puppet purchase purchased purchases purely purpose purposes pursue pursued
    pursuing pursuit push pushed pushing put puts putting puzzle qualification
    qualifications qualifier qualifiers qualify qualifying quality quantities quantity
    quarter quarterly quarters quell queries query quest question questionable questioned
    questioning questions queue queues quick quicker quickest quickly quiet quietly quirky
    quit quite quits quitting quo quota quotas quote quoted quotes quoting race raced races
    racially racist rack racketeering radical radicalized radically radius raid raided raids
    railed railway raise raised raises raising rallied rallies rally rallying rampant ran
    ranch random randomly range ranges ranging ranked ranking rankings ranks rap rape raped
    rapid rapidly rapists rapper rare rarely rarity rash ratcheted ratcheting rate rated
    rates rather ratified rating ratings rational rationale rattled raucous ravaged rave re
    reach reached reaches reaching reacted reacting reaction reactions read reader readers
    readily reads ready realisation realised realising realistic realistically realities
    reality realize realized really reap rear reason reasonable reasonably reasoning reasons
    reassurance reassure reassuring rebate rebels rebound rebuffed rebuild rebuilding rebuke
    rebut recall recalled recalling recalls receive received receiving recent recently
    reception recipe recipient recipients reckless reckon reckoning reclaim recognise
    recognised recognises recognition recognize recognized recognizes recommend
    recommendation recommendations recommended recommends reconciliation reconsider
    reconstruction record recorded recorder recording recordings recourse recover recovered
    recovering recovers recovery recruit recruited recruiter recruiting recycled recycling
    redacted redirected rediscovered reduce reduced reducing reduction reductions
    redundancies redundancy redundant reel reelection reeling refer referee referees
    reference referenced references referencing referendum referred referring refers refined
    refinery reflect reflected reflecting reflection reflective reflects reformed reforming
    reforms refrain refuge refugees refund refusal refuse refused refuses refusing regain
    regained regaining regard regarded regarding regardless regards reggae regime region
    registered registering regret regrets regular regularly regulate regulated regulating
    regulation regulations regulator regulators rehabilitation reign rein reined reinforce
    reinforces reinstate reinstated reinsurance reiterated rejected rejecting rejection
    rejects relate related relating relation relationship relationships relative relatively
    relatives relax relaxed relayed release released releases releasing relegated relegation
    relentless relentlessly relevant reliable reliably relied relief relies relieved
    religion religions religious relishing relocated relocating reluctance reluctant rely
    relying remain remainder remained remaining remains remake remakes remark remarkable
    remarkably remarked remarking remarks remedy remember remembered remembering remembers
    remind reminded reminder reminding reminds reminiscent remittances remote remotely
    removable removal remove removed removing render rendered renew renewal renewed
    renovated renovation renowned rent rental rented reoffending reopen reopened reopening
    reorganisation repaid repair repay repayment repayments repeal repealing repeat repeated
    repeatedly repeating replace replaced replacement replacements replaces replacing replay
    replicate replied replies reply report reported reportedly reporters reporting reports
    represent representation represented representing represents reproductive reputation
    request requested requests require required requirement requirements requires requiring
    rescheduled rescue rescued researcher researchers resemble resentment reservations
    reserved reserves residence residency residential residents resign resignation resigned
    resigning resist resistance resisted resisting resolution resolutions resolve resolved
    resonate resonated resource resources respectable respected respectful respective
    respectively respects responded respondents responders responding response responses
    responsibilities responsibility responsible rest restate restore restored restoring
    restrained restraint restrict restricted restricting restriction restrictions
    restrictive restructure restructuring rests result resulted resulting results resume
    resurgence resurrected retailer retailers retain retained retaining retains retaliation
    rethink retire retired retirees retirement retiring retreat retro retroactively returned
    returning returns retweeted reunited revaluation revamp revamped revealed revealing
    reveals revelation revelations revenue revenues reversal reversed reviewed reviewing
    reviews revised revisit revival revive revolt revolutionised reward rewarded rewarding
    rewards rewrite rhetoric rhetorical rib richer richest rid ride ridiculous riding rift
    rigged rigging right rightly rigorous ringing ringtone ringtones riot riots ripe ripped
    ripping rise risen rises rising risk risks risky ritual rival rivalry rivals roads
    roaming robbed robbery robotic robust rocked rogue role roles rolled romantic root roots
    rosy roughly round rounds rousing route routes routine routinely routines row rows
    royalties rubber rubbish ruck rude ruined ruled rules ruling rulings rumors rumoured
    rumours run rung runner runners running runs runway rupee rupees rupiah rushed rushing
    sack sacked sacking sacrifice sad sadly sadness safe safeguard safeguards safer saga
    said sailing sake salaries salary sales same sample samples sampling sanction sanctioned
    sand sang sat satellite satisfaction satisfied satisfy satisfying saved saves saw say
    saying says scale scalp scam scammers scams scandal scandals scanner scans scar scare
    scared scares scary scathing scattered scenario scenarios scenes scent sceptical
    scepticism schedule scheduled schedules scheduling scheme schemes scholars scholarship
    schools scientist scientists scooped scope score scored scorer scoring scramble
    scrambling scrap scrapped scrapping scrappy scratch screaming screened screening
    screenplay screens screensaver scripted scrolling scrum scrutiny seal sealed sealing
    seamless seamlessly search searched searches searching seas season seasonal seasonally
    seat seated seats second seconds secrecy secretly secs sections sector sectors secure
    secured secures securing see seed seeded seeds seeing seekers seeking seeks seem seemed
    seeming seemingly seems seen sees segment segments segregation seismic seize seized
    seizing seldom selected selecting selection self sell selling sells semi seminar send
    sending sends senior sensation sensational sense senses sensible sensitive sensitivity
    sent sentence sentenced sentences sentiment sentimental sentiments separate separated
    separately sequel sequels serial series serious seriously seriousness servants serve
    served server servers serves serving session set setback sets setting settings settle
    settled settlement settlements settling setup seven several severe severely sexism
    sexting sexual sexually shake shaken shakeup shaking sham shambles shame shameful shape
    shaped shaping share shared shareholder shareholders sharers shares sharing sharpened
    sharper sharply she shed shedding sheep sheer sheet sheets shelf shelter shelves shift
    shifted shifting shifts shine shiny ship shipments shipped shipping ships shirts shock
    shocked shocks shoot shooter shooting shootings shoppers shops shortage shortages
    shortcomings shorter shortfall shortlisted shortlists shortly shorts shot shotgun shots
    should shouldn shout shouted shouting shove shoving showcased showcases showcasing
    showdown showed showing showings shown shows shrinking shrunk shuffle shunned shut shy
    sick side sided sidelined sidelines sides siege sigh sight sights sign signaled
    signalled signals signature signed significance significant significantly signing signs
    silence silent silly similar similarities similarly simpler simplify simply simulation
    simultaneously sin since sincere sincerely sing singers singing single singled singles
    sink sinking sister sit sitcom site sites sits sitting situation situations sixth
    sizable sized skateboarding skeptical skepticism skies skill skilled skin skipper slack
    slammed slap slash slashed slated slates slavery slaves sleep sleeping slew slice slick
    slid slide sliding slight slightly slimming slip slipped slipping slogan slopping slot
    slots slotted slow slowdown slowed slower slowing slowly sluggish slump slumping small
    smaller smallest smarter smartphone smartphones smash smashed smear smile smiles smiling
    smoke smokers smooth smoothly snap snapped snatched snub so soap soar soared soaring
    sober socialism socially soft soften softer soil solar sold solely solicit solidly
    solution solve solved solving some somebody somehow someone something sometime sometimes
    somewhat somewhere son song songs songwriter sons soon sooner sophisticated
    sophistication sort sorted sorts sought sounded sounding sounds soundtrack sour source
    sources sovereign sovereignty spaces spam spammer spammers spare sparked sparking
    sparred spat spawned speak speakers speaking speaks specialised specialist specialists
    specially specific specifically specifications specifics specified spectacle spectacular
    spectators speculate speculated speculation speech speeches speechwriter speeds spell
    spells spending spends spent spill spin spinning spiritual spite split splits splitting
    spoke spoken spokesman spokesperson spokeswoman sponsor sponsored sponsors sponsorship
    spoof spot spots spotting sprawling sprayed spread spreading spree springboard springing
    sprinted sprinter sprinters sprinting spun spur spurred spy spyware squabbling squad
    squarely squeeze squeezed stabbed stability stable stacked staffer staffers stage staged
    stages staggering stagnant stagnation stake staked stakeholders stakes stalking stall
    stalled stalwart stalwarts stamina stamps stance stances stand standby standing
    standpoint stands stark starred starring stars start started starting starts stated
    statehood statement statements statewide stating station stations statistical stats
    stature status statutory stay stayed staying stays steadily steady steal stealth steep
    steer steered steering stellar stem stemming step stepped stepping steps stereotypes
    steroid steroids stick sticking stiff still stimulate stimulus stir stockpiles stocks
    stole stolen stomach stood stopped stopping stops storage store stored stories stormed
    storms straight straightforward strain strained strains stranger stranglehold
    strategically strategist strategists strategy streak stream streamed streaming streams
    strength strengthen strengthened stress stressed stressing stretch stretched stretches
    stretching strict stricter stride strides strike striker strikers strikes striking
    string stringent stripped stroke strong stronger strongest stronghold strongholds
    strongly struck structural structure structures struggle struggled struggles struggling
    stubborn stuck student studied studio study studying stumbled stumbling stump stunned
    stunning stunt stupid stuttering style styles stylus subdued subject subjected subjects
    submissions submit submitted subscribe subscribers subscription subscriptions subsequent
    subsequently subsidiary subsidies subsidised substance substances substantial
    substantially substantive substitute suburb suburbs succeed succeeded succeeding success
    successes successful successfully succession successive successor such sucks sudden sued
    sues suffer suffered suffering suffers sufficient sufficiently suggest suggested
    suggesting suggestion suggestions suggests suicide suing suit suitable suited suitor
    suits sum summary summon sums sunset superb supercomputers supercomputing superdelegate
    superdelegates superhero supplied supplier supplies support supported supporters
    supporting supportive supports suppose supposed supposedly supremo sure surely surface
    surfaced surfaces surfers surfing surge surged surgery surging surpass surpassed
    surpassing surplus surpluses surprised surprises surprising surprisingly surreptitious
    surrogate surrogates surround surrounded surrounding surrounds surveillance survey
    surveyed surveys survival survive survived surviving suspect suspected suspects suspend
    suspended suspension suspensions suspicion suspicions sustain sustainability sustained
    swagger swapped swapping swaths sway sweep sweeping sweeteners swell swept swiftly swing
    swinging switch switched switching sworn swung symbol symbolic sympathetic sympathy
    system systematically table tabled tables tabloid tabs tackle tackled tackles tackling
    tactic tactical tactics tag tagging tailored take taken takeover takes taking takings
    tale talent talented talents talk talked talking talks tallied tally tank tanks tap tape
    taped tapes taping tapped tapping target targeted targeting targets tariff tariffs task
    tasked tasks taste tastes tax taxes taxing taxpayer taxpayers teach teacher teaches
    teaching team teamed teams tech technical technically technique techniques technological
    technology teenager teenagers teens teething telco telcos telecoms telephoning televised
    tell telling temper temperament temperature temperatures temporarily temporary tempt
    tempted tempting tend tended tendon tends tenfold tens tense tension tenuous tenure
    teraflops term terms terrible terrific terrified territories territory terror terrorist
    terrorists tested testified testify testimony testing text textbook textbooks textile
    textiles texts textures than thank thanked thanks that the their theirs them theme
    themes themselves then theories theory therapy there thereafter thereby therefore these
    they thing things think thinking thinks third thirds thirst this thorough thoroughly
    those though thought thoughts thousand thousands thread threat threaten threatened
    threatening threatens threats three threshold threw thrill thrilled thriller thrilling
    thrive throne through throughout throw throwing thrown throws thrust thumb thumbs
    thumped thus thwart thwarted ticked ticket tickets ticking tide tie tiebreak tied tier
    ties tight tighten tightened tightening tighter tightly till time timestamp timing tiny
    tip tipped tipping tips tired tissue title titled titles to together toilet told
    tolerance toll tone tongue tonnes too took tool toolbar tools top topic topics topped
    topper topping torn tortured tossed total totalled totalling totally touch touched
    touches touchline tough tougher toughest toughness toured touring tourists tournaments
    tours tout touted touting toward towards towns trace traced track tracked tracker
    trackers tracks traction trademark traders tradition traditional traditionally
    traditions traffic tragedies tragedy tragic trail trailed trailing trails trained
    training transaction transactions transfer transferred transferring transform
    transformation transformative transformed transforming transgender transitional
    translate translated translates transmission transmit transmitted transparent travails
    travel traveled traveling travelled travellers travelling treat treated treating
    treatment tremendous tremors trend trial trialling trials tribunal tribute trick tricky
    tried tries trigger triggered trillion trilogy trim trio trip tripled trips triumph
    triumphed troops trophies trouble troubled troubles troubling trounced truancy truants
    truce truck trucks true truly trumpet trusted truth truthful try trying tuition tumbled
    tune tuned tunes turbulent turmoil turn turnaround turned turning turnout turnover turns
    tweet tweeted tweeting twenty twice twins twisted two tying type types typical typically
    ubiquitous ultimately umbrella umpire un unable unacceptable unaccompanied unaffected
    unanimous unanimously unauthorised unauthorized unavailable unaware unbeaten unbound
    uncapped uncertain uncertainties uncertainty unchanged unclassified unclear
    uncomfortable unconventional undecided undeclared under undercut underdog underdogs
    underestimate underestimated undergo undergoing underlined underlying undermine
    undermined undermining underneath underpin underscore underscored underscores understand
    understandable understandably understanding understands understated understood undertake
    undertaking undervalued underway undisclosed undo undocumented undoubtedly unemployed
    unemployment unexpectedly unfair unfairly unfavorable unfavourable unfit unfolding
    unforced unfortunately unfounded unhealthy unified uniform unify unifying unions unique
    uniquely units universities unjustified unknown unlawful unless unlike unlikely
    unlimited unlucky unmarked unmistakable unnamed unnecessary unnoticed unofficial unpaid
    unpopular unpredictable unqualified unrealistic unreasonable unrelated unreleased
    unremittingly unrest unsecured unseeded unsettled unsolicited unstoppable
    unsubstantiated unsuccessful unsuccessfully unsure unsustainable unthinkable until
    untrue unusual unusually unveil unveiled unveiling unveils unwanted unwelcome unwilling
    unwillingness up upbeat upcoming update updated upgrade upgraded upgrading upheaval
    upheld uphill upload uploaded upon upright uprising ups upset upside upsurge upswing
    uptake upturn upward upwards uranium urge urged urgency urgent urgently urges urging us
    usability usage use used useful useless user users uses ushered using usual usually
    utilise utility utterly vacant vacation vaccine vacuum vague valid validate valuable
    valuation value valued values variants varied various vary varying vast vastly vault
    vaulter ve vehicle vehicles vein vendors venture venue venues verbal verdict verge
    verify version versions versus very veteran veto vetted via viability viable vicious
    victim victims victories victory video view viewed viewer viewers viewing viewpoint
    views vigilant vigorous vigorously villages violate violated violating violation
    violations violence violent virtual virtually virtue virtues virus viruses visa visas
    visceral visible vision visit visited visiting visitors visits visually visuals vital
    vivid vocal vociferously voice voiced voices volatile volatility volley volume volumes
    voluntarily voluntary volunteer volunteered volunteers vote voted voter voters votes
    voting vow vowed vowing vows vulnerabilities vulnerability vulnerable vying wage waged
    wages waging wait waited waiting waits wake walk walked walkout walkouts wallets walls
    waning want wanted wanting wants wardrobe wares warfare warm warming warmly warmth warn
    warned warning warnings warns wartime wary was washed wasn waste wasted wasteful wasting
    watchdog watchdogs watched watchers watching waterboarding watershed wave waves waving
    way ways wayward we weak weaken weakened weakening weaker weakness weaknesses wealthiest
    wealthy weapon weapons wear wearable wearing weather weblog weblogs webpage webpages
    website websites weddings week weekend weekends weeks weigh weighed weighing weight
    weird welcome welcomed welcoming welfare well went were weren what whatever whatsoever
    wheel wheelchair when whenever where whereabouts whereas wherever whether which while
    whilst whipped whipping whistle whites who whoever whole wholesale wholly whom whose why
    wi wide widely widen widened widening wider widespread widow wife wild wildly will
    willing willingness win wind windfall window winds winemaker wing winger winner winners
    winning wins wipe wiped wiping wisely wish wished wishes wishful with withdraw
    withdrawal withdrawn withdrew withheld withholding within without witnessed witnesses
    woes women won wondered wondering wonders woo wooing worded wording words wore work
    workable worked workforce working workings works workstations worldwide worm worms worn
    worried worries worry worrying worse worsen worsened worst worth worthless worthwhile
    worthy would wouldn wound wounded wounds wow wrangling wrap wrapped wreck wrist write
    writer writes writing written wrong wrongdoing wrongful wrongly wrongs wrote xenophobe
    xenophobic yanked yards yawning year yearly years yell yellow yen yesterday yet yield
    yielded you youngest youngster youngsters your yourself yuan zeal zombie zombies
"""
COMMON_WORDS = frozenset(_WORDS.split())
