W0902glbsm
b a BC-US--Obit-Hollis-KILL     03-14 0083
^BC-US--Obit-Hollis-KILL,83<
^KILL KILL KILL<
^Eds: KILL KILL KILL. AP is withdrawing BC-US--Obit-Hollis, sent at 1310 GMT. Ray Hollis is alive. Make sure the story is not published. There will be no substitute story.<
	   NEW ORLEANS (AP) _ The Associated Press has withdrawn its story reporting the death of New Orleans jazz pianist Ray Hollis.
 
	   The story, sent at 1310 GMT under the headline ``Ray Hollis, New Orleans jazz pianist, dies at 81,'' was based on a post on a music club's website that has since been removed.
 
	   Hollis' daughter, Denise Hollis, told The Associated Press on Thursday that her father is alive and recovering in a hospital after a fall.
 
	   There will be no substitute story.

	   AP-WF-03-14-19 1520GMT<


