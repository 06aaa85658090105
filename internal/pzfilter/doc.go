// Package pzfilter parses and evaluates Amazon Personalize filter expressions: the
// filterExpression of CreateFilter, applied with the filterValues of GetRecommendations,
// GetPersonalizedRanking, GetActionRecommendations and promotions. It knows nothing of the
// engine, HTTP or the SDK; the engine uses it in four steps:
//
//	f, err := pzfilter.Parse(expr)      // CreateFilter: a refusal is InvalidInputException
//	f, err = f.Resolve(schemas)         // the group's schemas: the filter's CREATE FAILED reason
//	b, err := f.Bind(filterValues)      // each request: a refusal is InvalidInputException
//	kept := b.Matcher(data, req).Filter(candidates)
//
// Every refusal is an *Error: its message is the one to send, its Offset and Near say where in
// the expression (or in a placeholder's value) the problem is.
//
// # Grammar
//
//	filter     = expression { "|" expression } .
//	expression = ( "INCLUDE" | "EXCLUDE" ) target "WHERE" where [ "IF" userCond { "AND" userCond } ] .
//	target     = "ItemID" | "ActionID" | "UserID" .
//	where      = conds { "OR" conds } .                 AND binds tighter than OR
//	conds      = cond { "AND" cond } .
//	cond       = dataset "." field right .
//	userCond   = "CurrentUser" "." field right .
//	dataset    = "Items" | "Users" | "Interactions" | "Actions" | "Action_Interactions" .
//	right      = ( "IN" | "NOT" "IN" ) ( "(" value { "," value } ")" | current )
//	           | ( "=" | "<" | "<=" | ">" | ">=" ) ( value | "(" value ")" | current ) .
//	current    = "CurrentItem" "." field .
//	value      = string | number | "$" name .
//	string     = `"` { any character but `"` and `\` | `\"` | `\\` } `"` .
//	number     = [ "-" ] digit { digit } [ "." digit { digit } ] .
//	field      = ( letter | "_" ) { letter | digit | "_" } .   no space around the "."
//	name       = ( letter | digit | "_" ) { letter | digit | "_" } .   at most 50
//
// Keywords, targets and dataset names are read in any case (AWS's own examples write "itemId",
// "in" and "INTERACTIONS.event_type"); whitespace is space, tab, CR and LF. On top of the
// grammar, Parse refuses:
//
//   - a dataset the target does not read: ItemID reads Items and Interactions, ActionID reads
//     Actions and Action_Interactions, UserID (user segments) reads Users and Interactions;
//     Users fields of an item or action filter are tested with IF CurrentUser;
//   - conditions on another dataset than the expression's first condition (AWS: "can only
//     affect fields of the dataset used in the first condition"; combine datasets with |);
//   - an Interactions or Action_Interactions field other than EVENT_TYPE, and EVENT_TYPE with
//     numbers or with <, <=, >, >=; "*" in its values means every event type;
//   - <, <=, >, >= with a string: they order numbers;
//   - a placeholder with NOT IN (AWS's guidelines forbid placeholders with NOT IN, and suggest
//     IN in the opposite expression);
//   - CurrentItem anywhere but on the right of an Items condition of an ItemID expression;
//   - CurrentUser outside IF, an IF with anything but CurrentUser, OR or a second IF, an IF in a
//     UserID expression;
//   - expressions of one filter with different targets;
//   - Actions.EXPIRATION_TIMESTAMP and Actions.REPEAT_FREQUENCY (AWS applies them itself);
//   - more than MaxExpressionLength characters, MaxPlaceholders distinct placeholders or
//     MaxFields distinct dataset fields (CurrentUser.X counts as Users.X, CurrentItem.X as
//     Items.X).
//
// # Schemas
//
// Check (and Resolve) refuse a dataset the group does not have, a field its schema does not
// have (names compared ignoring case, as the engine's schemas compare them), boolean and
// textual fields (AWS documents both as unfilterable), an ordering operator on a string field,
// a string literal for a numeric field or a number for a string field, and CurrentItem fields
// of another kind than the field they are compared with. Placeholders are checked against the
// operator when a request binds them, not against the field.
//
// # Values and evaluation
//
// A filterValues key is a placeholder's name without $, matched with case; its value is
// literals written as the expression writes them, separated by commas: "\"comedy\",\"drama\""
// or "20". An INCLUDE expression needs values for all its placeholders; in an EXCLUDE
// expression a missing placeholder adds no values, and a condition left with none matches
// nothing, so the expression no longer excludes by it. Keys the filter does not use are
// ignored.
//
// A Matcher keeps a candidate that no applicable EXCLUDE expression matches and, when at least
// one INCLUDE expression applies, that one of them matches: Include A | Include B | Exclude C
// keeps (A or B) minus C, in any order, as AWS documents. An expression applies when its IF
// clause holds for the current user. Conditions read:
//
//   - Items, Actions: the candidate's record; Users (UserID expressions): the candidate user's;
//   - Interactions, Action_Interactions (ItemID, ActionID): whether the current user has
//     interacted with the candidate with an event type the condition names, among the user's
//     DefaultInteractionLimit (100; DefaultActionInteractionLimit, 300, for actions) most recent
//     interactions of each event type; NOT IN: with an event type it does not name;
//   - Interactions (UserID): whether the candidate user has such an interaction;
//   - IF: the current user's record; CurrentItem: the request's item's record.
//
// IN and = hold when the value, or one of a categorical value's "|"-separated values, equals a
// listed value; NOT IN when none does. Matching is exact, except event types, which match
// ignoring case (as AWS says). Numbers compare as numbers.
//
// # Faithful
//
// The structure and elements of AWS's "Filter expression structure and elements", every
// example of its item, action and user-segment example pages, the guidelines' rules listed
// above, the combination rules of "Combining multiple expressions", the filterValues format and
// limits (25 entries, keys [A-Za-z0-9_]{1,50}, values of at most 1000 characters), INCLUDE's
// need for every value, case-insensitive event types, "*", and the most recent 100 (300)
// interactions per event type.
//
// # Guesses (AWS does not say)
//
//   - Error messages: AWS documents only "Could not create filter. Invalid Expression..." and
//     "Could not create filter. Invalid input symbol...Placeholders can only be used with IN or
//     EQ operator"; messages open with those words and go on in this package's own.
//   - Placeholders with <, <=, >, >=: accepted, as the current examples use them
//     ("Items.PRICE <= $PRICE"); AWS's error page, older, says only IN and =.
//   - AND binds tighter than OR, and conditions cannot be grouped in parentheses: no example
//     groups them.
//   - Escapes in strings: \" and \\ only. Numbers: no exponent, no leading "+" or ".".
//   - MaxFields is 10 per filter and MaxGroupFields 20 per group (the current guidelines); the
//     older limits page says 5 and 10.
//   - MaxPlaceholders is 25, the most filterValues a request can give.
//   - A placeholder's value may mix strings and numbers; one compared with <, <=, >, >= may be a
//     quoted number; a string literal that reads as a number equals a numeric field's value.
//   - "Action" and "ActionInteractions" are refused with the name meant (AWS's action example
//     writes Action.MEMBERSHIP_LEVEL once, and its examples spell Action_Interactions).
//   - A record without the field (or no record) matches no condition, NOT IN included.
//   - An IF clause that fails, or cannot be evaluated (no userId, no such user or field),
//     makes its expression not apply, INCLUDE included: the filter then does not restrict by it.
//   - An Interactions condition with no userId matches nothing; CurrentItem with no itemId, or
//     an item without the field, matches nothing. The engine decides whether a request without
//     them is an error (NeedsUser, NeedsItem).
//   - NOT IN on interactions means an interaction with another event type.
//   - An empty placeholder value is refused; keys without a placeholder are ignored.
//   - Schema checks run when the filter is created (the facts' recommendation: CREATE FAILED).
//
// # Unsupported
//
// AWS's rule that filters stop considering a user's history three months after their last
// imported interaction (the engine may pass no interactions instead); which recipes accept
// which filters (item interaction filters and Item-Attribute-Affinity, CurrentItem and
// related-items recipes): the engine's to enforce.
package pzfilter
