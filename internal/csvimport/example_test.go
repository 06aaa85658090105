package csvimport_test

import (
	"fmt"
	"testing/fstest"

	"github.com/awsfake/awsfake/internal/csvimport"
)

func ExampleImport() {
	fsys := fstest.MapFS{
		"bucket/movies/interactions.csv": {Data: []byte("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,DEVICE\n1,1193,978300760,watch,tv|phone\n")},
	}
	fields := []csvimport.Field{
		{Name: "USER_ID", Type: "string"}, {Name: "ITEM_ID", Type: "string"},
		{Name: "TIMESTAMP", Type: "long"}, {Name: "EVENT_TYPE", Type: "string"},
		{Name: "DEVICE", Type: "string", Nullable: true, Categorical: true},
	}
	res, err := csvimport.Import(fsys, "s3://bucket/movies/", csvimport.Interactions, fields, csvimport.Options{})
	fmt.Println(err)
	for _, it := range res.Interactions {
		fmt.Println(it.UserID, it.ItemID, it.EventType, it.Time().Format("2006-01-02"), it.Properties)
	}

	_, err = csvimport.Import(fsys, "s3://bucket/films/", csvimport.Interactions, fields, csvimport.Options{})
	fmt.Println(err)
	// Output:
	// <nil>
	// 1 1193 watch 2000-12-31 {"device":"tv|phone"}
	// Invalid Data location. No object exists at s3://bucket/films/.
}
