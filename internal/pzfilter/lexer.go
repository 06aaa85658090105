package pzfilter

import (
	"strconv"
	"strings"
)

// tokKind is the kind of a token of a filter expression or of a filter value.
type tokKind int

const (
	tEOF       tokKind = iota
	tWord              // a keyword or a name: INCLUDE, ItemID, WHERE, AND, IN...
	tQualified         // Dataset.field, CurrentUser.field, CurrentItem.field
	tString            // "text", with \" and \\ escapes
	tNumber            // 12, -3, 0.5
	tParam             // $NAME
	tOp                // = < <= > >=, and != <> == (lexed so that they can be refused by name)
	tLParen
	tRParen
	tComma
	tPipe
	tErr // a token that did not lex (the parser's only)
)

// token is one token: where it starts, its source text, and its value (the unescaped string,
// the placeholder's name, the qualifier of a qualified name).
type token struct {
	kind  tokKind
	pos   int
	raw   string
	text  string
	field string  // tQualified: the part after the dot
	num   float64 // tNumber
}

// MaxPlaceholderName is the longest placeholder name: a filterValues key is at most 50
// characters of [A-Za-z0-9_] (the runtime model), and the name is that key.
const MaxPlaceholderName = 50

// lexAt reads the token at *pos, after any whitespace (space, tab, CR, LF), and moves *pos past
// it; at the end it is tEOF. A qualified name is one token and has no space around its dot.
func lexAt(text string, pos *int) (token, *Error) {
	i := *pos
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	if i == len(text) {
		*pos = i
		return token{kind: tEOF, pos: i}, nil
	}
	t, err := lexOne(text, i)
	if err == nil {
		*pos = t.pos + len(t.raw)
	}
	return t, err
}

// lexOne reads the token that starts at i.
func lexOne(text string, i int) (token, *Error) {
	c := text[i]
	switch {
	case isWordStart(c):
		return lexWord(text, i)
	case c == '"':
		return lexString(text, i)
	case isDigit(c) || c == '-' && i+1 < len(text) && isDigit(text[i+1]):
		return lexNumber(text, i)
	case c == '$':
		j := i + 1
		for j < len(text) && isWordByte(text[j]) {
			j++
		}
		t := token{kind: tParam, pos: i, raw: text[i:j], text: text[i+1 : j]}
		if j == i+1 {
			return t, syntaxErr(t, "a placeholder is $ followed by letters, digits or underscores")
		}
		if len(t.text) > MaxPlaceholderName {
			return t, syntaxErr(t, "a placeholder's name is at most %d characters, not %d", MaxPlaceholderName, len(t.text))
		}
		return t, nil
	case c == '=' || c == '<' || c == '>' || c == '!':
		j := i + 1
		if j < len(text) && (text[j] == '=' || c == '<' && text[j] == '>') {
			j++
		}
		t := token{kind: tOp, pos: i, raw: text[i:j]}
		if t.raw == "!" {
			return t, syntaxErr(t, "unexpected character '!'")
		}
		return t, nil
	}
	if k := punctuation(c); k != tEOF {
		return token{kind: k, pos: i, raw: text[i : i+1]}, nil
	}
	end := i + 1
	for end < len(text) && text[end] >= 0x80 && text[end] < 0xC0 { // the rest of a UTF-8 sequence
		end++
	}
	t := token{kind: tWord, pos: i, raw: text[i:end]}
	return t, syntaxErr(t, "unexpected character %q", t.raw)
}

// lexWord reads a word, and the field after it when a dot follows at once.
func lexWord(text string, i int) (token, *Error) {
	j := i
	for j < len(text) && isWordByte(text[j]) {
		j++
	}
	if j == len(text) || text[j] != '.' {
		return token{kind: tWord, pos: i, raw: text[i:j], text: text[i:j]}, nil
	}
	k := j + 1
	if k < len(text) && isWordStart(text[k]) {
		for k < len(text) && isWordByte(text[k]) {
			k++
		}
		return token{kind: tQualified, pos: i, raw: text[i:k], text: text[i:j], field: text[j+1 : k]}, nil
	}
	t := token{kind: tWord, pos: i, raw: text[i : j+1]}
	return t, syntaxErr(t, "expected a field name right after %q (a letter or underscore, then letters, digits or underscores)", t.raw)
}

// lexString reads a double-quoted string; \" and \\ are its only escapes.
func lexString(text string, i int) (token, *Error) {
	end := strings.IndexAny(text[i+1:], `"\`)
	if end >= 0 && text[i+1+end] == '"' { // no escapes: the value is the source itself
		return token{kind: tString, pos: i, raw: text[i : i+end+2], text: text[i+1 : i+1+end]}, nil
	}
	var b strings.Builder
	for j := i + 1; j < len(text); j++ {
		switch text[j] {
		case '"':
			return token{kind: tString, pos: i, raw: text[i : j+1], text: b.String()}, nil
		case '\\':
			if j+1 < len(text) && (text[j+1] == '"' || text[j+1] == '\\') {
				b.WriteByte(text[j+1])
				j++
				continue
			}
			end := min(j+2, len(text))
			t := token{kind: tString, pos: j, raw: text[j:end]}
			return t, syntaxErr(t, `a string may only escape \" and \\`)
		default:
			b.WriteByte(text[j])
		}
	}
	t := token{kind: tString, pos: i, raw: text[i:]}
	return t, syntaxErr(t, "the string has no closing double quote")
}

// lexNumber reads -?digits(.digits)?, which must not run into a word.
func lexNumber(text string, i int) (token, *Error) {
	j := i
	if text[j] == '-' {
		j++
	}
	for j < len(text) && isDigit(text[j]) {
		j++
	}
	if j+1 < len(text) && text[j] == '.' && isDigit(text[j+1]) {
		j += 2
		for j < len(text) && isDigit(text[j]) {
			j++
		}
	}
	end := j
	for end < len(text) && (isWordByte(text[end]) || text[end] == '.') {
		end++
	}
	t := token{kind: tNumber, pos: i, raw: text[i:end], text: text[i:end]}
	if end != j {
		return t, syntaxErr(t, "a number is digits with an optional minus sign and decimal part, like 20, -3 or 4.5")
	}
	n, err := strconv.ParseFloat(t.raw, 64)
	if err != nil {
		return t, syntaxErr(t, "the number is out of range")
	}
	t.num = n
	return t, nil
}

// punctuation is the kind of a one-character token, or tEOF for another character.
func punctuation(c byte) tokKind {
	switch c {
	case '(':
		return tLParen
	case ')':
		return tRParen
	case ',':
		return tComma
	case '|':
		return tPipe
	}
	return tEOF
}

func isSpace(c byte) bool     { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
func isDigit(c byte) bool     { return c >= '0' && c <= '9' }
func isWordStart(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isWordByte(c byte) bool  { return isWordStart(c) || isDigit(c) }
