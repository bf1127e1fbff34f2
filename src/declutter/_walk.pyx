# cython: language_level=3, boundscheck=False, wraparound=False
"""The compiled kernels: the DOM walk of `_segment` and its reading of a subtree's text, the
flood scans of `_parse`, the byte automaton of the language identifier (all optional: the
pure-Python code gives the same result, and each user self-tests its kernel against it).

`walk(walker, root)` does what `_Walker._walk_children` does, with the traversal, the text
nodes, the plain inline elements and the quietly skipped ones (scripts, void elements) in C;
every other element goes to the walker's own `enter`/`leave`, so the segmentation's logic
lives once, in Python. It reads selectolax's Lexbor tree through mirrored declarations (no
Lexbor symbol is linked): the DOM node's first fields, a text node's character data, and
selectolax's `LexborNode` object. Those can change between releases, so `_segment` runs a
self-test against the Python walk before using this.

`text_and_hidden` reads what `_segment.visible_text` needs of Lexbor's ``text()`` and
``css()`` in one walk; `long_tags` and `has_flood` are `_parse`'s attribute-flood regexes as
scans; `Automaton` and `widen_rows` score py3langid's features for `_metadata._language`.
"""

cimport cython

from cpython.list cimport PyList_Append
from cpython.mem cimport PyMem_Free, PyMem_Realloc
from cpython.unicode cimport (
    Py_UNICODE_ISSPACE, PyUnicode_DATA, PyUnicode_DecodeUTF8, PyUnicode_KIND,
)
from libc.stdint cimport uint8_t, uint16_t, uint32_t, uintptr_t
from libc.string cimport memcpy


cdef extern from *:
    """
    /* lxb_dom_node_t, up to the fields read here */
    typedef struct declutter_node_s declutter_node_t;
    struct declutter_node_s {
        void *events;
        uintptr_t local_name;  /* the tag id */
        uintptr_t prefix;
        uintptr_t ns;
        void *owner_document;
        declutter_node_t *next;
        declutter_node_t *prev;
        declutter_node_t *parent;
        declutter_node_t *first_child;
        declutter_node_t *last_child;
        void *user;
        int type;
    };
    /* lxb_dom_character_data_t: a node, then its data as a lexbor_str_t */
    typedef struct {
        declutter_node_t node;
        const char *data;
        size_t length;
    } declutter_text_t;
    /* selectolax's LexborNode object */
    typedef struct {
        PyObject_HEAD
        void *vtable;
        declutter_node_t *node;
        PyObject *parser;
        int is_fragment_root;
        int is_template_content;
    } declutter_lexbor_node_t;
    """
    ctypedef struct _Node "declutter_node_t":
        uintptr_t local_name
        _Node *next
        _Node *first_child
        int type

    ctypedef struct _Text "declutter_text_t":
        const char *data
        size_t length

    ctypedef class selectolax.lexbor.LexborNode [object declutter_lexbor_node_t]:
        cdef _Node *node
        cdef object parser


cdef struct _Entry:
    _Node *node  # NULL: leave the element whose exit is on top of the exits list


cdef int _element_type = -1
cdef int _text_type = -1
cdef uintptr_t _text_tag = 0  # a text node's tag id (what selectolax's text() looks for)


def calibrate(LexborNode element, LexborNode text):
    """Learn the node type values from an element and a text node of a parsed page."""
    global _element_type, _text_type, _text_tag
    _element_type = element.node.type
    _text_type = text.node.type
    _text_tag = text.node.local_name


def node_of(LexborNode root, uintptr_t mem_id):
    """The `LexborNode` at address `mem_id` in `root`'s tree (for the self-test)."""
    return _wrap(<_Node *> mem_id, root.parser)


cdef inline LexborNode _wrap(_Node *node, object parser):
    cdef LexborNode wrapped = LexborNode.__new__(LexborNode)
    wrapped.node = node
    wrapped.parser = parser
    return wrapped


cdef class _Stack:
    """A growable array of `_Entry`, freed with its owner."""

    cdef _Entry *items
    cdef Py_ssize_t size, capacity

    def __dealloc__(self):
        PyMem_Free(self.items)

    cdef int push(self, _Node *node) except -1:
        cdef _Entry *grown
        if self.size == self.capacity:
            self.capacity = self.capacity * 2 if self.capacity else 64
            grown = <_Entry *> PyMem_Realloc(self.items, self.capacity * sizeof(_Entry))
            if grown == NULL:
                raise MemoryError()
            self.items = grown
        self.items[self.size].node = node
        self.size += 1
        return 0


def walk(walker, LexborNode root):
    """Walk below `root` for `walker` (a `_segment._Walker`); returns the exits still open
    when the walk stopped early, as `_Walker._walk_children` does."""
    if _element_type < 0:
        raise RuntimeError("declutter._walk.calibrate was not called")
    from ._segment import DEADLINE_CHECK_EVERY, SKIP
    cdef object parser = root.parser
    cdef object run = walker.run
    cdef list parts = run.parts
    cdef list link_parts = run.link_parts
    cdef dict skip = walker.skip
    cdef object overruled = walker.plan.overruled
    cdef object enter = walker.enter
    cdef object leave = walker.leave
    cdef object plain_inline = walker.plain_inline
    cdef object skipped_quietly = walker.skipped_quietly
    cdef dict names = {}  # tag id -> (name, plain inline, skipped quietly), for this tree
    cdef list exits = []
    cdef _Stack stack = _Stack()
    cdef Py_ssize_t nodes = 0, check_every = DEADLINE_CHECK_EVERY
    cdef Py_ssize_t pending_tags = 0
    cdef int link_depth = walker.link_depth
    cdef _Node *node
    cdef _Text *text
    cdef object known, action, mem_id
    if root.node.first_child != NULL:
        stack.push(root.node.first_child)
    while stack.size:
        stack.size -= 1
        node = stack.items[stack.size].node
        if node == NULL:
            if pending_tags:
                run.element_count += pending_tags
                pending_tags = 0
            leave(exits.pop())
            link_depth = walker.link_depth
            continue
        if node.next != NULL:
            stack.push(node.next)
        nodes += 1
        if nodes % check_every == 0:
            walker.nodes = nodes
            if walker.out_of_budget():
                walker.truncated = True
                break
        if node.type == _text_type:
            text = <_Text *> node
            if text.data != NULL and text.length:
                value = PyUnicode_DecodeUTF8(text.data, text.length, "replace")
                PyList_Append(parts, value)
                if link_depth:
                    PyList_Append(link_parts, value)
            continue
        if node.type != _element_type:
            continue  # comments, doctype
        known = names.get(node.local_name)
        if known is None:
            tag = _wrap(node, parser).tag
            known = names[node.local_name] = (tag, plain_inline(tag), skipped_quietly(tag))
        if (<tuple> known)[2]:
            continue  # `enter` would only skip it (the run's pending tags can wait)
        if (<tuple> known)[1]:
            if skip:
                mem_id = <uintptr_t> node
                if skip.get(mem_id) is not None and mem_id not in overruled:
                    continue  # a hidden inline element
            pending_tags += 1
        else:
            if pending_tags:
                run.element_count += pending_tags
                pending_tags = 0
            action = enter(_wrap(node, parser), (<tuple> known)[0])
            link_depth = walker.link_depth
            if action is SKIP:
                continue
            if action is not None:
                exits.append(action)
                stack.push(NULL)
        if node.first_child != NULL:
            stack.push(node.first_child)
    if pending_tags:
        run.element_count += pending_tags
    walker.nodes = nodes
    return exits


cdef class Automaton:
    """py3langid's byte automaton: ``nextmove`` (its ``tk_nextmove``, an ``array('I')``),
    each state's row offset (``_rowbase``) and feature (``tk_output``, -1 for none)."""

    cdef const unsigned int[::1] nextmove
    cdef int[::1] states  # row offset and feature of each state, side by side: one cache line

    def __init__(self, nextmove, list rowbase, list output):
        import array

        if len(rowbase) != len(output):
            raise ValueError("Automaton: one row offset and one feature per state")
        states = array.array("i", bytes(8 * len(rowbase)))
        states[0::2] = array.array("i", rowbase)
        states[1::2] = array.array("i", output)
        self.nextmove = nextmove
        self.states = states

    @cython.boundscheck(True)  # a model that does not fit raises IndexError, as in Python
    def features(self, const unsigned char[::1] data):
        """The features the automaton reaches on `data`, in order, repeats included (what
        py3langid's ``visit_counts`` counts)."""
        cdef list found = []
        cdef Py_ssize_t i, state = 0
        cdef int feature
        for i in range(data.shape[0]):
            state = self.nextmove[<Py_ssize_t> self.states[2 * state] + data[i]]
            feature = self.states[2 * state + 1]
            if feature >= 0:
                PyList_Append(found, feature)
        return found


def widen_rows(
    const unsigned short[:, ::1] table, const Py_ssize_t[::1] rows, const float[::1] widened,
    float[:, ::1] out,
):
    """``out[i] = widened[table[rows[i]]]``: rows of a float16 table (read as its bit
    patterns) as float32, through `widened`, the float32 value of every bit pattern (numpy's
    own cast of a gathered table is several times slower)."""
    cdef Py_ssize_t i, j, row, width = table.shape[1]
    if out.shape[0] != rows.shape[0] or out.shape[1] != width or widened.shape[0] != 65536:
        raise ValueError("widen_rows: shapes do not match")
    for i in range(rows.shape[0]):
        row = rows[i]
        if row < 0 or row >= table.shape[0]:
            raise IndexError("widen_rows: row out of range")
        for j in range(width):
            out[i, j] = widened[table[row, j]]


cdef inline bint _separator(Py_UCS4 c):
    """``[\\s/]``, with `re`'s Unicode whitespace."""
    return c == u"/" or Py_UNICODE_ISSPACE(c)


cdef class _Bytes:
    """A growable byte buffer, freed with its owner."""

    cdef char *data
    cdef Py_ssize_t size, capacity

    def __dealloc__(self):
        PyMem_Free(self.data)

    cdef int add(self, const char *data, Py_ssize_t length) except -1:
        cdef char *grown
        cdef Py_ssize_t wanted = self.size + length
        if wanted > self.capacity:
            self.capacity = max(2 * self.capacity, wanted, 256)
            grown = <char *> PyMem_Realloc(self.data, self.capacity)
            if grown == NULL:
                raise MemoryError()
            self.data = grown
        memcpy(self.data + self.size, data, length)
        self.size = wanted
        return 0

    cdef str decode(self, Py_ssize_t start, Py_ssize_t end):
        return PyUnicode_DecodeUTF8(self.data + start, end - start, "replace")


def text_and_hidden(LexborNode root, frozenset hidden_tags, Py_ssize_t most):
    """``root.text(separator=" ")`` and, in document order, that text of each element of
    ``root.css(<hidden_tags>)`` (`root` included), or None for more than `most` of them:
    what `_segment.visible_text` reads, in one walk. A hidden element's text nodes follow
    each other in the walk, so its text is a slice of the whole (read only for a few: the
    slices of nested elements could add up to the square of the text)."""
    if _element_type < 0:
        raise RuntimeError("declutter._walk.calibrate was not called")
    cdef object parser = root.parser
    cdef dict hidden = {}  # tag id -> named in hidden_tags (custom elements' ids are the tree's)
    cdef _Bytes text = _Bytes()
    cdef list opened = []  # (its slot, where its text starts, text nodes before it), open ones
    cdef list slices = []
    cdef _Stack stack = _Stack()
    cdef _Node *node
    cdef _Text *data
    cdef Py_ssize_t count = 0
    cdef object known
    stack.push(root.node)
    while stack.size:
        stack.size -= 1
        node = stack.items[stack.size].node
        if node == NULL:  # leaving a hidden element
            slot, start, before = opened.pop()
            slices[slot] = (start, text.size, count > before)
            continue
        if node != root.node and node.next != NULL:
            stack.push(node.next)
        if node.local_name == _text_tag:
            data = <_Text *> node
            if data.data != NULL:
                if count:
                    text.add(" ", 1)
                text.add(data.data, data.length)
                count += 1
            continue
        if node.type == _element_type:
            known = hidden.get(node.local_name)
            if known is None:
                known = hidden[node.local_name] = _wrap(node, parser).tag in hidden_tags
            if known:
                opened.append((len(slices), text.size + (1 if count else 0), count))
                slices.append(None)
                stack.push(NULL)
        if node.first_child != NULL:
            stack.push(node.first_child)
    whole = text.decode(0, text.size) if text.size else ""
    if len(slices) > most:
        return whole, None
    return whole, [text.decode(start, end) if any_text else "" for start, end, any_text in slices]


ctypedef fused _Char:  # a str's characters, by its kind
    uint8_t
    uint16_t
    uint32_t


def long_tags(text, Py_ssize_t items):
    """The starts of `_parse`'s ``_LONG_TAG % items`` matches in `text`, as ``re.finditer``
    finds them: a ``<``, an ASCII letter, the rest of the name (``[^\\s/>]*``), then at
    least `items` items of an attribute part (runs of name characters, runs of separators,
    ``=`` and a quoted value, single ``=``, ``"`` or ``'``) before a ``>`` or the text's end.
    Each item is matched atomically, as in the regex, so this is the regex's own scan."""
    if not isinstance(text, str):  # a str subclass is welcome, anything else is not
        raise TypeError("text must be a str")
    cdef unsigned int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    cdef list found = []
    if kind == 1:
        _scan_long_tags(<const uint8_t *> data, len(text), items, found)
    elif kind == 2:
        _scan_long_tags(<const uint16_t *> data, len(text), items, found)
    else:
        _scan_long_tags(<const uint32_t *> data, len(text), items, found)
    return found


cdef int _scan_long_tags(const _Char *s, Py_ssize_t n, Py_ssize_t items, list found) except -1:
    cdef Py_ssize_t p = 0, i, j, name_end, count
    cdef Py_UCS4 c, quote
    while p + 1 < n:
        if s[p] != 60:  # "<"
            p += 1
            continue
        c = s[p + 1]
        if not (u"a" <= c <= u"z" or u"A" <= c <= u"Z"):
            p += 1
            continue
        i = p + 2
        while i < n:
            c = s[i]
            if c == u">" or _separator(c):
                break
            i += 1
        name_end = i
        count = 0
        while count < items and i < n:
            c = s[i]
            if c == u">":
                break
            if _separator(c):
                i += 1
                while i < n and _separator(s[i]):
                    i += 1
            elif c == u"=":
                j = i + 1
                while j < n and Py_UNICODE_ISSPACE(s[j]):
                    j += 1
                quote = s[j] if j < n else 0
                if quote == u'"' or quote == u"'":
                    j += 1
                    while j < n and s[j] != quote:
                        j += 1
                    i = j + 1 if j < n else j  # the closing quote, when there is one
                else:
                    i += 1  # a lone "="
            elif c == u'"' or c == u"'":
                i += 1
            else:
                i += 1
                while i < n:
                    c = s[i]
                    if c == u">" or c == u'"' or c == u"'" or c == u"=" or _separator(c):
                        break
                    i += 1
            count += 1
        if count >= items:
            PyList_Append(found, p)
            p = name_end
        else:
            p += 1
    return 0


def has_flood(text, Py_ssize_t chars):
    """Whether `_parse`'s ``_FLOOD`` pattern (``<``, an ASCII letter, then `chars`
    characters none of which is ``>``) matches somewhere in `text`."""
    if not isinstance(text, str):  # a str subclass is welcome, anything else is not
        raise TypeError("text must be a str")
    cdef unsigned int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    if kind == 1:
        return _scan_flood(<const uint8_t *> data, len(text), chars)
    if kind == 2:
        return _scan_flood(<const uint16_t *> data, len(text), chars)
    return _scan_flood(<const uint32_t *> data, len(text), chars)


cdef bint _scan_flood(const _Char *s, Py_ssize_t n, Py_ssize_t chars):
    cdef Py_ssize_t p, gt = -1  # the first ">" at or after p + 2 (n: none)
    cdef Py_UCS4 c
    for p in range(n - 1 - chars):  # room for "<", a letter and `chars` characters
        if s[p] != 60:  # "<"
            continue
        c = s[p + 1]
        if not (u"a" <= c <= u"z" or u"A" <= c <= u"Z"):
            continue
        if gt < p + 2:
            gt = p + 2
            while gt < n and s[gt] != 62:  # ">"
                gt += 1
        if gt >= p + 2 + chars:
            return True
    return False
