"""The gender a given name usually signals, for resolving "he" and "she" to the right person.

Common given names only, and only those used overwhelmingly for one gender; anything else
says nothing (None), and an honorific ("Mrs.", "Sir") or the text's own "he"/"she" decides.
"""

from __future__ import annotations

from archive.personnames import fold

_MALE = """
    aaron abdul abraham adam adrian ahmed al alan albert alejandro alex alexander alfred ali
    allen alvin amir andrew andy angelo anthony antonio arnold arthur austin barack barry
    ben benjamin bernard bernie bill billy bob bobby boris brad bradley brandon brendan brian
    bruce bryan carl carlos cecil chad charles charlie chris christopher chuck clarence
    clark claude clifford clint clive colin craig curtis dale dan daniel danny darren dave
    david dean dennis derek devin dick dominic don donald doug douglas duncan dwight eddie
    edgar eduardo edward edwin elijah elliot emmanuel eric ernest ethan eugene evan felix
    fernando francis francisco frank franklin fred frederick gabriel gareth gary gavin
    gene geoff geoffrey george gerald gilbert glenn gordon graham grant greg gregory guy
    hank harold harry harvey hassan hector henry herbert howard hugh hugo ian isaac ivan
    jack jacob jake james  jared jason javier jay jeb jeff jeffrey jeremy jerome jerry
    jesse jim jimmy joe joel john johnny jon jonathan jorge jose joseph josh joshua juan
    julian justin karl keith ken kenneth kevin kurt kyle lance larry lawrence  leo leon
    leonard lewis liam  lloyd louis luis luke malcolm manuel marco marcus mario mark
    marty martin marvin matt matthew maurice max michael miguel mike mitch mitchell mitt mohammed
    muhammad nathan neil nelson newt nicholas nick nigel noah norman oliver omar oscar owen
    pablo patrick paul pedro peter phil philip pierre ralph ramon randy ray raymond reggie
    reince ricardo richard rick rob robert roberto rod rodney roger roland ron ronald ross
    roy rudy rupert russell ryan  samuel scott sean sergei seth shane simon stan stanley
    stefan stephen steve steven stuart ted  thomas tim timothy todd tom tommy tony
    travis trevor troy tyler victor vincent vladimir wade walter warren wayne wesley will
    william willie xavier yusuf zach zachary
"""
_FEMALE = """
    abigail ada adele adriana agnes alexandra alice alicia alison amanda amber amy ana andrea
    angela angelina anita ann anna anne annie april barbara beatrice becky belinda beth
    betsy betty beverly bonnie brenda brianna bridget brittany camila carla carly carmen
    carol caroline carolyn catherine cathy cecilia charlotte chelsea cheryl chloe christina
    christine cindy claire clara claudia colleen connie courtney cynthia daisy  daniela
    danielle daphne dawn debbie deborah debra denise diana diane dolores donna doris
    dorothy edith eileen elaine eleanor elena elisabeth elizabeth ella ellen emily emma
    erica erin esther eva evelyn fatima fiona florence frances gabriela gabrielle gail
    georgia gina gloria grace gwen hannah harriet hayley heather heidi helen helena hilary
    hillary holly hope huma ingrid irene isabel isabella  jacqueline jane janet janice
    jasmine jean jeanne jennifer jenny jessica jill joan joanna joanne jodi josephine joy
    joyce judith judy julia julie june karen kate katherine kathleen kathryn kathy katie
    kay kayla  kellyanne kim kimberly kirsten kristen laura lauren leah  lilian
    linda lisa lois loretta lori louise lucy lydia  madeleine madison maggie mandy
    margaret maria marianne marie marilyn marion martha mary maureen megan megyn melanie
    melania melissa michelle mildred miriam molly monica nancy naomi natalie natasha nicola
    nicole nikki nina nora norma olivia pamela patricia paula pauline peggy penelope
    penny priscilla rachel rebecca regina rita roberta rosa rose rosemary ruth sabrina sally
    samantha sandra sara sarah sharon sheila shirley silvia sonia sophia sophie stacey
    stephanie susan susie suzanne sylvia tamara tammy tanya teresa theresa tiffany tina
    tracy ursula valerie vanessa veronica victoria virginia vivian wanda wendy whitney
    yolanda yvonne zoe
"""
_MORE_MALE = """
    abdullah abu adnan ahmad akbar alain alberto aleksandr alessandro alexei alfonso alonso
    amadou amit anand andre andrei andres anil antoine armando arturo ashok bashar bernardo
    boris carlo carlos cesar christophe claudio cristiano cyril dario darius davide dmitri
    dmitry domingo emile emilio enrique erdogan erik ernesto esteban fabio farid federico
    felipe fernando filippo florian francesco francois franz fritz gaston gerard gerhard
    giovanni giuseppe gonzalo guido guillaume guillermo gunther gustavo hamid hans heinrich
    helmut horst hossein hussein ibrahim igor ignacio imran ismail jacques jakob jamal javed
    jean-claude jean-luc jean-paul joachim johan johannes jorge josef jurgen kamal karim klaus
    kofi kurt lars laurent lorenzo luca luciano ludwig luigi lukas manfred marcel marcelo
    marcos mariano massimo matteo mauricio mehmet michel mikhail mohamed mohammad moshe
    mustafa nasser nikolai nikolaus nicolas nicolo novak olivier omar orlando osama oskar
    otto pablo pascal patrice pavel piero pierre-louis piotr rafael rahul raj rajesh ramon
    raul reza ricardo roberto rodrigo rolf sabir salman salvador sandro santiago sebastian
    sergio silvio stefano sunil tariq thierry tomas umberto vasily viktor vitaly wilhelm
    wolfgang xavier yasser yitzhak yuri yves zoltan benjamin benny binyamin avi ehud shimon
    naftali yair reuven rudolph  jens sven nils henrik magnus anders bjorn olaf
    abdel akira alastair alec alessio alfie alistair alun alvaro anatoly angus archie arjen
    arjun arsene atal barnaby bert bertie bryn callum cesc chinua ciaran connor conor
    crispin dafydd damien declan dermot desmond didier diego digby dirk duane dusan dwayne
    eamon eamonn ehsan emanuele emlyn ernie euan ewan fergus franck freddie gael gennady
    gennaro gerry gethin gianluca gianluigi giles goodluck goran graeme gunnar gus gwyn
    hamish hamza haruki henk hiroshi huw iain ieuan ifan iker ilie inaki jaap jaime jamie
    jasper jiro joao jonny joost junichiro kees kenji kenny khalid kieran kobe koji lebron
    len lenny leonid lionel lleyton lothar luiz mahmoud manmohan marat marlon mateo mats
    monty muhammadu nabil naoto narendra niall nikita ole oleg ollie olusegun ossie owain
    ozzy padraig paolo paulo percy pete piers pieter pietro quentin rafa rashid ravi reg
    reginald rhys ricky robbie roddy ronnie rory ruud sachin saeed sami samir sanjay seamus
    sergi shaquille shaun shawn shinzo sid sidney sourav stig takeshi taro thabo tiger toby
    torquil tristan vijay vittorio walid wes wilf wilfred wole wyn xabi yevgeny yoshi yousef
    zinedine zlatan
"""
_MORE_FEMALE = """
    adriana agnieszka aisha alessandra alina anastasia angela angelika anja anke annette
    antonia aurelie beatriz benedetta brigitte camille carla carolina catalina cecile
    chiara christiane claudine cristina dagmar delphine  elena eleonora elisa
    elke esperanza fatma federica fernanda francesca francoise  gisela giulia
    giuseppina guadalupe hanna hannelore heike helga ilse ines irina isabelle jacqueline
    jeanne-marie juliette karin katarina katrin laetitia leila leticia liesl lorena lucia
    ludmila luisa magdalena manuela marcela margarita margarethe marguerite mariana marina
    marisol marta marthe mathilde mercedes milena mireille monique nadia nadine natalia
    nathalie olga paola patrizia petra pilar raquel renate rocio sabine sandrine silke
     sofia solange svetlana tatiana tatyana ulrike ursula valentina valeria veronique
    yulia zeynep zofia angela theresa nicola ruth golda tzipi shira yael noa billie
    ivanka chelsea malia  tiffany melania hillary elizabeth
    amelie amina audrey benazir beyonce britney cate celine charlize clare condi condoleezza
    dannii davina delia demi dianne dinara estelle fern gabby gaby gerhild geri glenda
    glenys gwyneth halle hazel hiromi indira jacqui jelena jo-anne jodie jools julianne
    justine keiko keira kelli kirstie kirsty kylie layla lindsay lorraine lulu lyn lynne
    madonna mariah mariko martina martine maxine meryl myleene nigella noor oprah pam reese
    renee sakura samira scarlett segolene serena shania sienna sigourney simone steffi tessa
    uma venus winona yasmin yoko yvette zainab
"""
MALE = frozenset(_MALE.split()) | frozenset(_MORE_MALE.split())
FEMALE = (frozenset(_FEMALE.split()) | frozenset(_MORE_FEMALE.split())) - MALE


def gender_of_given(given: str) -> str | None:
    """'m' or 'f' for a common given name that signals one, else None."""
    first = fold(given.split()[0]) if given.split() else ""
    if first in MALE:
        return "m"
    if first in FEMALE:
        return "f"
    return None
