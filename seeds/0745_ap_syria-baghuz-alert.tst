W0412glbsm
b i BC-ML--APNewsAlert     03-14 0028
^BC-ML--APNewsAlert,28<
	   BAGHUZ, Syria (AP) _ US-backed Syrian force says about 3,000 people, most of them Islamic State fighters, have left the militants' last enclave in the past 48 hours.

	   AP-WF-03-14-19 0745GMT<


