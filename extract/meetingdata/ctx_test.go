package meetingdata

import "referat/extract/minutes"

func minutesContext() minutes.Context {
	return minutes.Context{Committee: "Udvalget", Date: "2024-01-01"}
}
