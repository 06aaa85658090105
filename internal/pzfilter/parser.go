package pzfilter

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits a filter expression is held to when it is parsed.
const (
	// MaxExpressionLength is CreateFilter's filterExpression maximum, in characters (the model).
	MaxExpressionLength = 2500
	// MaxPlaceholders is the most distinct placeholders a filter may have. AWS documents no
	// number; a request can give at most 25 filterValues, so a 26th could never have a value.
	MaxPlaceholders = 25
	// MaxFields is the most distinct dataset fields one filter may read, across its
	// expressions ("Guidelines and requirements" of filter expressions; an older limits page
	// said 5).
	MaxFields = 10
	// MaxGroupFields is the most distinct dataset fields all the filters of a dataset group
	// may read together (same page; the older limits page said 10). The engine enforces it with
	// Fields.
	MaxGroupFields = 20
)

// Parse reads a filter expression as CreateFilter receives it. A refusal is an *Error saying
// where the expression goes wrong and what was expected there.
func Parse(text string) (*Filter, error) {
	f, err := parse(text)
	if err != nil {
		return nil, err
	}
	return f, nil
}

func parse(text string) (*Filter, *Error) {
	if strings.TrimLeft(text, " \t\r\n") == "" {
		return nil, syntaxErr(token{kind: tEOF, pos: len(text)}, "the filter expression is empty")
	}
	if n := utf8.RuneCountInString(text); n > MaxExpressionLength {
		return nil, &Error{Offset: -1, msg: invalidExpression + ": the filter expression is " + strconv.Itoa(n) +
			" characters long; the most is " + strconv.Itoa(MaxExpressionLength)}
	}
	return parseText(text)
}

// parseText parses an expression of any length.
func parseText(text string) (*Filter, *Error) {
	p := &parser{text: text}
	f, err := p.filter()
	if p.err != nil { // the parser stopped at a token that did not lex; say why it did not
		return nil, p.err
	}
	return f, err
}

// filter reads expressions joined by |.
func (p *parser) filter() (*Filter, *Error) {
	f := &Filter{}
	for {
		e, err := p.expr()
		if err != nil {
			return nil, err
		}
		f.exprs = append(f.exprs, e)
		t := p.next()
		if t.kind == tEOF {
			return f, nil
		}
		if t.kind != tPipe {
			return nil, syntaxErr(t, "expected AND, OR, IF, | or the end of the filter")
		}
	}
}

// parser reads tokens as it needs them, one ahead, and keeps what the limits count across the
// whole filter.
type parser struct {
	text   string
	pos    int        // where the next token is lexed from
	look   token      // the next token, when ahead
	ahead  bool       // look holds the next token
	err    *Error     // why a token did not lex; the parser stops at it (a tErr token)
	target Target     // the first expression's
	first  Dataset    // the dataset of the current expression's first condition
	params []string   // distinct placeholders
	fields []FieldRef // distinct dataset fields
}

func (p *parser) peek() token {
	if !p.ahead {
		p.look, p.ahead = p.lexNext(), true
	}
	return p.look
}

func (p *parser) next() token {
	t := p.peek()
	if t.kind != tEOF && t.kind != tErr {
		p.ahead = false
	}
	return t
}

// lexNext lexes the token at p.pos; one that does not lex is a tErr token, which no rule
// takes, and the first such error is kept to be reported.
func (p *parser) lexNext() token {
	t, err := lexAt(p.text, &p.pos)
	if err != nil {
		if p.err == nil {
			p.err = err
		}
		return token{kind: tErr, pos: t.pos, raw: t.raw}
	}
	return t
}

// keyword reports whether t is the word kw, in any case (AWS's own examples write "itemId",
// "in" and "INTERACTIONS").
func keyword(t token, kw string) bool { return t.kind == tWord && strings.EqualFold(t.raw, kw) }

// expr reads INCLUDE|EXCLUDE target WHERE conditions [IF conditions].
func (p *parser) expr() (expr, *Error) {
	var e expr
	t := p.next()
	verb := t
	switch {
	case keyword(t, "INCLUDE"):
		e.include = true
	case keyword(t, "EXCLUDE"):
	default:
		return e, syntaxErr(t, "an expression starts with INCLUDE or EXCLUDE")
	}
	t = p.next()
	for tg := ItemID; tg <= UserID; tg++ {
		if keyword(t, tg.String()) {
			e.target = tg
		}
	}
	if e.target == 0 {
		return e, syntaxErr(t, "expected ItemID, ActionID or UserID after %s", strings.ToUpper(verb.raw))
	}
	if p.target == 0 {
		p.target = e.target
	} else if e.target != p.target {
		return e, syntaxErr(t, "every expression of a filter must filter the same kind; the first filters %s", p.target)
	}
	if t = p.next(); !keyword(t, "WHERE") {
		return e, syntaxErr(t, "expected WHERE after %s", e.target)
	}
	if err := p.where(&e); err != nil {
		return e, err
	}
	if keyword(p.peek(), "IF") {
		return e, p.when(&e)
	}
	return e, nil
}

// where reads conditions joined by AND and OR; AND binds tighter.
func (p *parser) where(e *expr) *Error {
	p.first = 0
	group := []cond{}
	for {
		c, err := p.cond(e, false)
		if err != nil {
			return err
		}
		group = append(group, c)
		switch t := p.peek(); {
		case keyword(t, "AND"):
			p.next()
		case keyword(t, "OR"):
			p.next()
			e.where = append(e.where, group)
			group = []cond{}
		default:
			e.where = append(e.where, group)
			return nil
		}
	}
}

// when reads IF and its conditions on CurrentUser, joined by AND only.
func (p *parser) when(e *expr) *Error {
	t := p.next()
	if e.target == UserID {
		return syntaxErr(t, "a UserID expression has no IF clause: a user segment has no current user")
	}
	for {
		c, err := p.cond(e, true)
		if err != nil {
			return err
		}
		e.when = append(e.when, c)
		switch t := p.peek(); {
		case keyword(t, "AND"):
			p.next()
		case keyword(t, "OR"):
			return syntaxErr(t, "an IF clause joins its conditions with AND only")
		case keyword(t, "IF"):
			return syntaxErr(t, "an expression has one IF clause, at its end")
		default:
			return nil
		}
	}
}

// qualifiers are the words before a dot, upper-cased, and the dataset each names; CurrentUser
// and CurrentItem name the current user (Users) and current item (Items).
var qualifiers = []struct {
	word string
	ds   Dataset
}{
	{"ITEMS", Items}, {"USERS", Users}, {"INTERACTIONS", Interactions}, {"ACTIONS", Actions},
	{"ACTION_INTERACTIONS", ActionInteractions}, {"CURRENTUSER", Users}, {"CURRENTITEM", Items},
}

// qualifier is the upper-cased qualifier a word names, and its dataset.
func qualifier(word string) (string, Dataset, bool) {
	for _, q := range qualifiers {
		if strings.EqualFold(word, q.word) {
			return q.word, q.ds, true
		}
	}
	return strings.ToUpper(word), 0, false
}

// misspelt are qualifiers people write for the datasets' names (AWS's own action examples once
// wrote "Action.MEMBERSHIP_LEVEL"); they are refused with the name meant.
var misspelt = map[string]string{
	"ITEM": "Items", "USER": "Users", "INTERACTION": "Interactions", "ACTION": "Actions",
	"ACTIONINTERACTIONS": "Action_Interactions", "ACTION_INTERACTION": "Action_Interactions",
	"ITEM_INTERACTIONS": "Interactions", "ITEMINTERACTIONS": "Interactions",
}

// allowed are the datasets each target's WHERE conditions may read.
var allowed = map[Target][2]Dataset{
	ItemID:   {Items, Interactions},
	ActionID: {Actions, ActionInteractions},
	UserID:   {Users, Interactions},
}

// cond reads one condition: a qualified field, an operator and its values.
func (p *parser) cond(e *expr, inIf bool) (cond, *Error) {
	t := p.next()
	if t.kind == tLParen {
		return cond{}, syntaxErr(t, "conditions cannot be grouped in parentheses; AND binds tighter than OR")
	}
	if t.kind != tQualified {
		return cond{}, syntaxErr(t, `expected a condition on a dataset's field, like Items.GENRE IN ("drama")`)
	}
	c := cond{field: t.field}
	if err := p.qualify(&c, e, t, inIf); err != nil {
		return c, err
	}
	if err := p.operator(&c, t); err != nil {
		return c, err
	}
	if err := p.operands(&c, e, inIf); err != nil {
		return c, err
	}
	return c, nil
}

// qualify checks the qualifier and field of a condition's left side against the expression.
func (p *parser) qualify(c *cond, e *expr, t token, inIf bool) *Error {
	q, ds, ok := qualifier(t.text)
	switch {
	case !ok && misspelt[q] != "":
		return syntaxErr(t, "unknown dataset %q; did you mean %s?", t.text, misspelt[q])
	case !ok:
		return syntaxErr(t, "unknown dataset %q: expected Items, Users, Interactions, Actions or Action_Interactions", t.text)
	case inIf && q != "CURRENTUSER":
		return syntaxErr(t, "an IF clause tests the current user only, like IF CurrentUser.AGE > 18")
	case !inIf && q == "CURRENTUSER":
		return syntaxErr(t, "CurrentUser can only be tested in the IF clause at the end of an expression")
	case q == "CURRENTITEM":
		return syntaxErr(t, "CurrentItem goes on the right of an operator, like Items.PRICE < CurrentItem.PRICE")
	}
	c.ds = ds
	if !inIf {
		if err := p.sameDataset(c, e, t); err != nil {
			return err
		}
	}
	if ds == Interactions || ds == ActionInteractions {
		if !strings.EqualFold(c.field, "EVENT_TYPE") {
			return syntaxErr(t, "%s conditions can only test EVENT_TYPE", ds)
		}
		c.field = "EVENT_TYPE"
	}
	if ds == Actions && (strings.EqualFold(c.field, "EXPIRATION_TIMESTAMP") || strings.EqualFold(c.field, "REPEAT_FREQUENCY")) {
		return syntaxErr(t, "%s cannot be filtered: Personalize applies it to action recommendations itself", strings.ToUpper(c.field))
	}
	return p.countField(t, ds, c.field)
}

// sameDataset checks a WHERE condition's dataset against the target and the first condition.
func (p *parser) sameDataset(c *cond, e *expr, t token) *Error {
	ok := allowed[e.target]
	if c.ds != ok[0] && c.ds != ok[1] {
		if c.ds == Users {
			return syntaxErr(t, "%s expression cannot test Users fields in WHERE; test the current user with IF CurrentUser.%s", article(e.target), c.field)
		}
		return syntaxErr(t, "%s expression filters on %s or %s, not %s", article(e.target), ok[0], ok[1], c.ds)
	}
	if p.first == 0 {
		p.first = c.ds
	} else if p.first != c.ds {
		return syntaxErr(t, "conditions joined by AND or OR must read the dataset of the first condition (%s); filter on %s in another expression after |",
			p.first, c.ds)
	}
	return nil
}

// article is the target with its indefinite article: an ItemID, an ActionID, a UserID.
func article(t Target) string {
	if t == UserID {
		return "a UserID"
	}
	return "an " + t.String()
}

// countField counts a distinct dataset field against MaxFields.
func (p *parser) countField(t token, ds Dataset, field string) *Error {
	for _, r := range p.fields {
		if r.Dataset == ds && strings.EqualFold(r.Name, field) {
			return nil
		}
	}
	p.fields = append(p.fields, FieldRef{ds, field})
	if len(p.fields) > MaxFields {
		return syntaxErr(t, "a filter may read at most %d distinct dataset fields", MaxFields)
	}
	return nil
}

// operator reads IN, NOT IN, =, <, <=, > or >=.
func (p *parser) operator(c *cond, left token) *Error {
	t := p.next()
	switch {
	case keyword(t, "IN"):
		c.op = opIn
	case keyword(t, "NOT"):
		if t2 := p.next(); !keyword(t2, "IN") {
			return syntaxErr(t2, "expected IN after NOT")
		}
		c.op = opNotIn
	case t.kind == tOp:
		for o := opEq; o <= opGe; o++ {
			if t.raw == opNames[o] {
				c.op = o
			}
		}
		if c.op == 0 {
			return syntaxErr(t, "unsupported operator %s: use IN, NOT IN, =, <, <=, > or >=", t.raw)
		}
	default:
		return syntaxErr(t, "expected IN, NOT IN, =, <, <=, > or >= after %s", left.raw)
	}
	return nil
}

// operands reads the right side: a parenthesized list for IN and NOT IN, one value (perhaps
// parenthesized, as AWS's "Actions.VALUE > ($VALUE)") for the others, or CurrentItem.field.
func (p *parser) operands(c *cond, e *expr, inIf bool) *Error {
	t := p.peek()
	if t.kind == tQualified && strings.EqualFold(t.text, "CurrentItem") {
		p.next()
		if e.target != ItemID || c.ds != Items || inIf {
			return syntaxErr(t, "CurrentItem can only be compared with Items fields of an ItemID expression's WHERE clause")
		}
		c.vals = []operand{{kind: currentItem, text: t.field}}
		if err := p.countField(t, Items, t.field); err != nil {
			return err
		}
		one := [1]token{t}
		return checkOperands(c, one[:])
	}
	if c.op.list() && t.kind != tLParen {
		return syntaxErr(t, "expected ( and a list of values after %s", opNames[c.op])
	}
	paren := t.kind == tLParen
	if paren {
		p.next()
	}
	var buf [4]token // most lists are short
	toks := buf[:0]
	for {
		toks = append(toks, p.peek())
		v, err := p.value()
		if err != nil {
			return err
		}
		c.vals = append(c.vals, v)
		if !paren {
			break
		}
		t := p.next()
		if t.kind == tRParen {
			break
		}
		if t.kind != tComma {
			return syntaxErr(t, "expected , or ) in the list of values")
		}
		if !c.op.list() {
			return syntaxErr(t, "%s takes one value, not a list", opNames[c.op])
		}
	}
	return checkOperands(c, toks)
}

// value reads a string, a number or a placeholder.
func (p *parser) value() (operand, *Error) {
	t := p.next()
	switch t.kind {
	case tString:
		return operand{kind: litString, text: t.text}, nil
	case tNumber:
		return operand{kind: litNumber, text: t.text, num: t.num}, nil
	case tParam:
		if !contains(p.params, t.text) {
			p.params = append(p.params, t.text)
			if len(p.params) > MaxPlaceholders {
				return operand{}, symbolErr(t, "a filter may have at most %d distinct placeholders", MaxPlaceholders)
			}
		}
		return operand{kind: placeholder, text: t.text}, nil
	case tQualified:
		if strings.EqualFold(t.text, "CurrentItem") {
			return operand{}, syntaxErr(t, "write IN %s without parentheses", t.raw)
		}
	}
	return operand{}, syntaxErr(t, `expected a value: a "string" in double quotes, a number or a $PLACEHOLDER`)
}

// checkOperands checks the values (read from toks) against the condition's operator and field.
func checkOperands(c *cond, toks []token) *Error {
	for i, v := range c.vals {
		t := toks[i]
		switch {
		case v.kind == placeholder && c.op == opNotIn:
			return symbolErr(t, "Placeholders can only be used with IN, =, <, <=, > or >=, not with NOT IN; use IN in the opposite expression (INCLUDE for EXCLUDE)")
		case c.field == "EVENT_TYPE" && (c.op.numeric() || v.kind == litNumber || v.kind == currentItem):
			return syntaxErr(t, "EVENT_TYPE is matched with IN, NOT IN or = against strings")
		case c.op.numeric() && v.kind == litString:
			return syntaxErr(t, "%s compares numbers; a string cannot be ordered", opNames[c.op])
		}
	}
	return nil
}
