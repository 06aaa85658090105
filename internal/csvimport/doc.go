// Package csvimport reads what a Personalize dataset import job reads: the CSV objects at
// its dataLocation, checked against the dataset's schema, into compact rows (Interaction for
// Interactions and Action interactions, Record for Items, Users and Actions). The fake has no
// S3: objects come from an fs.FS, where s3://bucket/key is the file bucket/key. A problem
// stops the import with an *Error whose message is the job's failureReason. It knows nothing
// of the engine or the SDK.
//
//	names, err := csvimport.Resolve(fsys, "s3://bucket/interactions/")  // or, in one step:
//	res, err := csvimport.Import(fsys, uri, csvimport.Interactions, fields, csvimport.Options{})
//
// # Faithful
//
// From the developer guide (dg/data-prep-formatting, dg/items-datasets, dg/limits,
// dg/error-messages) and personalize-data facts §1–2, §5, personalize-recommendations facts
// §7.1:
//   - A location is s3://<bucket>/<folder path>/<CSV file name>, or a folder, whose CSV
//     objects are all read; a location that cannot be read fails with "Invalid Data
//     location.".
//   - The first row names the columns and maps them to the schema; a required field the file
//     leaves out fails with "Failed to create a data import job for <type> dataset. Input CSV
//     is missing the following columns:[A, B]." (the documented text, followed by the object
//     and line).
//   - Values must fit the schema's types (int, long, float, double, boolean, string);
//     TIMESTAMP (and CREATION_TIMESTAMP) are Unix epoch seconds, as a long.
//   - Categorical values hold several categories separated by "|"; each category, and each
//     IMPRESSION value, may have at most 1000 characters or the import fails.
//   - Ids (USER_ID, ITEM_ID, ACTION_ID) have at most 256 characters; textual values are cut
//     to 20,000 characters.
//   - Non-ASCII text must be UTF-8; headers must not be quoted; text fields are quoted as in
//     CSV (RFC 4180: double quotes around a field with a comma, quote or line break, and a
//     quote inside written twice).
//   - At least 1000 interaction records per Interactions import (Options.MinInteractions).
//
// # Documented guesses (AWS does not say)
//
//   - Header names match schema fields ignoring case; columns may come in any order; a
//     nullable field may be left out of the file (its values are null); a column the schema
//     does not have fails the import ("Input CSV has columns that are not in the schema:[X]."),
//     as does a column named twice or a quoted header. AWS says the headers "must map to the
//     schema" without saying what happens otherwise.
//   - An empty value is null: refused for a field that does not allow null and for the ids
//     and TIMESTAMP, left out of the row otherwise.
//   - Numbers read as Java reads them: an optional sign, no spaces; float and double also take
//     a fraction and an exponent, but not NaN, infinities or hexadecimal. Booleans are true or
//     false in any case.
//   - A TIMESTAMP in milliseconds is a valid long and is kept as it is (so it reads as a date
//     far in the future): AWS documents seconds and no refusal of other values.
//   - A quoted field may hold a line break (RFC 4180), although AWS asks for one record per
//     line; lines in messages are the object's, counting such breaks.
//   - A UTF-8 byte order mark at the start of an object is not part of the first name.
//   - A missing object or empty folder fails the job with "Invalid Data location." and what is
//     wrong (AWS documents that text for a wrong location, not this case); a key that names a
//     folder without a trailing "/" is read as that folder; a folder is read at every depth,
//     objects whose names end in ".csv" only, in name order; an object named exactly is read
//     whatever its name.
//   - The wording of every failure reason other than AWS's two documented ones; each names
//     the object, the line (where the record starts) and the field.
//   - Rows keep their fields beyond the reserved ones as a JSON object, keyed as PutEvents and
//     PutItems key properties (camelCase: NUMBER_OF_RATINGS → numberOfRatings), so that the
//     engine reads imported and streamed records alike.
//
// # Not covered
//
// http(s) locations (the model allows them; the fake reads only s3://), KMS, IAM roles and
// their failures, the 100 GB/1 GB size limits, publishAttributionMetricsToS3, and the limits
// on plain string values and metadata columns (the engine's schema checks hold the latter).
package csvimport
