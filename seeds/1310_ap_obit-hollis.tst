W0831glbsm
r a BC-US--Obit-Hollis     03-14 0177
^BC-US--Obit-Hollis,177<
^Ray Hollis, New Orleans jazz pianist, dies at 81<
^AP Photo NYET301<
^Eds: APNewsNow. With AP Photos.<
^By JANET ORR=
^Associated Press=
	   NEW ORLEANS (AP) _ Ray Hollis, a New Orleans pianist whose rolling, blues-soaked style anchored the city's club scene for six decades, has died. He was 81.
 
	   Hollis died Wednesday at a hospital in New Orleans, according to a post on the website of the Frenchmen Street club where he played a weekly set for more than 20 years. No cause of death was given.
 
	   Born in the city's 7th Ward in 1937, Hollis taught himself to play on a church upright and was working in Bourbon Street bands by his mid-teens. He later toured with rhythm-and-blues revues across the South and recorded a dozen albums under his own name, the best known of which, ``Esplanade Nights,'' came out in 1972.
 
	   Younger musicians sought him out for his deep knowledge of the city's piano tradition, from Jelly Roll Morton to Professor Longhair.
 
	   ``He could make an old upright sound like a whole brass band,'' said trumpeter Marcus Delery, who played with Hollis for 15 years.
 
	   Hollis is survived by his wife, Loretta, three children and seven grandchildren.

	   AP-WF-03-14-19 1310GMT<


