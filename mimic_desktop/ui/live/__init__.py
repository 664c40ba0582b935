"""The operating-room screen: clock, event buttons, lesions and the timeline."""
