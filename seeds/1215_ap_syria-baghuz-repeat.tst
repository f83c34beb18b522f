W0788glbsm
r i BC-ML--Syria-IslamicStat 1stLd-Writethru   03-14 0331
^BC-ML--Syria-Islamic State, 1st Ld-Writethru,331<
^US-backed fighters say IS holdouts surrendering in droves<
^AP Photo BAG101, BAG102, BAG104<
^Eds: REPEAT. Repeats BC-ML--Syria-Islamic State, 1st Ld-Writethru, sent at 0905 GMT, for all needing. No changes.<
^By HALA NASSIF and PETER KRAUSE=
^Associated Press=
	   BAGHUZ, Syria (AP) _ Hundreds of Islamic State militants and their families streamed out of the group's last sliver of land in eastern Syria on Thursday, and the U.S.-backed force besieging them said the extremists were surrendering in large numbers after a night of heavy bombardment.
 
	   The Syrian Democratic Forces estimated that about 3,000 people had left the Baghuz pocket in the past 48 hours, most of them fighters, suggesting a coordinated surrender.
 
	   SDF spokesman Mustafa Bali said that after an intensive offensive Wednesday from multiple fronts, ``a large number'' of militants and their families ``started to surrender'' early Thursday.
 
	   Men, women and children climbed a winding road along a cliff at the edge of the village, many of the men wounded and leaning on crutches. Women in black robes carried babies and duffel bags. SDF fighters searched them as they reached the front line, while coalition planes flew overhead and sporadic gunfire echoed off the cliff.
 
	   The militants, now believed to number in the hundreds, still launched two counterattacks on Wednesday, using smoke, dust and sand as cover. The SDF said both were stopped.
 
	   The U.S.-led coalition said it had halted 35 car and truck bombs between Feb. 24 and March 9 _ an extraordinary number for such a small area.
 
	   The U.N. said in a report Wednesday that some 7,000 more people are expected in the coming days at al-Hol, an already overcrowded camp for displaced people to the north. More than 100 people have died in recent weeks in the camps or on the way there.
 
	   The SDF and its allies had estimated in early February that no more than 2,000 people remained inside. More than 30,000 have come out since.
 
	   The battle for Baghuz and surrounding villages began in September but has been paused repeatedly to let civilians leave. The SDF is holding more than 2,000 captured militants, plus thousands of their wives and children.
 
	   ___
 
	   Associated Press writer Omar Farouk in Beirut contributed to this report.

	   AP-WF-03-14-19 1215GMT<


