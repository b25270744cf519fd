"""Digital skills: the DigComp framework as data and the self-assessment."""
