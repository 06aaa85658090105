package fake

// Object returns what a job wrote to Amazon S3 at a URI (s3://bucket/key), such as the CSV file
// of a dataset export job, and false when nothing was written there. A job writes when it
// completes on the fake's clock, so its objects appear once the clock has passed its ACTIVE
// status. The result is a copy. The fake keeps what jobs write apart from what they read (see
// the package documentation on objects); objects are the same for every account and Region, as
// S3 bucket names are global.
func (f *Fake) Object(uri string) ([]byte, bool) { return f.e.Object(uri) }

// Objects returns the URIs of the objects jobs wrote under a prefix, such as a job's
// destination s3://bucket/folder/, sorted; every object's when prefix is "". Where AWS does not
// document an object's name (a dataset export job's files), list its destination rather than
// build the name.
func (f *Fake) Objects(prefix string) []string { return f.e.Objects(prefix) }
