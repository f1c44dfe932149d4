/*
 * marsad.text._scan: the tokenizer's inner loop in C.
 *
 * scan(text, forms) walks a normalized text once and splits it exactly as the regular
 * expression in marsad/text/tokens.py does (the Python path stays the reference; the tests
 * check both give the same tokens):
 *
 *     (?:[ARABIC]++ | [0-9]++(?:[.,][0-9]++)*+ | [LATIN]++(?:['’][LATIN]+)*+ | \w++ | \S) \s*+
 *
 * For each token it looks up the bare form (without the white space after it) in `forms`
 * (a dict: form -> TypeInfo). It returns (infos, bounds, missing):
 *   infos    list: the TypeInfo of each token, or the form string when `forms` lacks it
 *   bounds   list of len(infos) + 1 ints: where each token starts; the last is the end of the
 *            last token's trailing white space
 *   missing  list of the indices whose entry in `infos` is a form string
 * The Python side analyzes the missing forms and fills them in.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int is_arabic(Py_UCS4 c) {
    return (c >= 0x0620 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || c == 0x06D5 ||
           c == 0x06EE || c == 0x06EF || (c >= 0x06FA && c <= 0x06FF) ||
           (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08C9);
}

static int is_latin(Py_UCS4 c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0x00C0 && c <= 0x00D6) ||
           (c >= 0x00D8 && c <= 0x00F6) || (c >= 0x00F8 && c <= 0x024F) ||
           (c >= 0x1E00 && c <= 0x1EFF);
}

static int is_digit(Py_UCS4 c) { return c >= '0' && c <= '9'; }

/* Python's \w for str patterns: alphanumeric (str.isalnum) or the underscore */
static int is_word(Py_UCS4 c) { return c == '_' || Py_UNICODE_ISALNUM(c); }

static PyObject *scan(PyObject *self, PyObject *args) {
    PyObject *text, *forms;
    if (!PyArg_ParseTuple(args, "UO!", &text, &PyDict_Type, &forms)) {
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *infos = PyList_New(0);
    PyObject *bounds = PyList_New(0);
    PyObject *missing = PyList_New(0);
    if (!infos || !bounds || !missing) {
        goto error;
    }
    Py_ssize_t i = 0;
    while (i < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) {
        i++;
    }
    while (i < n) {
        Py_ssize_t start = i;
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (is_arabic(c)) {
            while (i < n && is_arabic(PyUnicode_READ(kind, data, i))) i++;
        } else if (is_digit(c)) {
            while (i < n && is_digit(PyUnicode_READ(kind, data, i))) i++;
            while (i + 1 < n) {
                Py_UCS4 sep = PyUnicode_READ(kind, data, i);
                if ((sep == '.' || sep == ',') && is_digit(PyUnicode_READ(kind, data, i + 1))) {
                    i++;
                    while (i < n && is_digit(PyUnicode_READ(kind, data, i))) i++;
                } else {
                    break;
                }
            }
        } else if (is_latin(c)) {
            while (i < n && is_latin(PyUnicode_READ(kind, data, i))) i++;
            while (i + 1 < n) {
                Py_UCS4 apo = PyUnicode_READ(kind, data, i);
                if ((apo == '\'' || apo == 0x2019) && is_latin(PyUnicode_READ(kind, data, i + 1))) {
                    i++;
                    while (i < n && is_latin(PyUnicode_READ(kind, data, i))) i++;
                } else {
                    break;
                }
            }
        } else if (is_word(c)) {
            while (i < n && is_word(PyUnicode_READ(kind, data, i))) i++;
        } else {
            i++; /* \S: one character */
        }
        Py_ssize_t end = i;
        while (i < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) {
            i++;
        }
        PyObject *form = PyUnicode_Substring(text, start, end);
        if (!form) goto error;
        PyObject *info = PyDict_GetItemWithError(forms, form); /* borrowed */
        int rc;
        if (info != NULL) {
            rc = PyList_Append(infos, info);
        } else if (PyErr_Occurred()) {
            Py_DECREF(form);
            goto error;
        } else {
            PyObject *index = PyLong_FromSsize_t(PyList_GET_SIZE(infos));
            if (!index) {
                Py_DECREF(form);
                goto error;
            }
            rc = PyList_Append(missing, index);
            Py_DECREF(index);
            if (rc == 0) rc = PyList_Append(infos, form);
        }
        Py_DECREF(form);
        if (rc < 0) goto error;
        PyObject *bound = PyLong_FromSsize_t(start);
        if (!bound) goto error;
        rc = PyList_Append(bounds, bound);
        Py_DECREF(bound);
        if (rc < 0) goto error;
    }
    {
        PyObject *last = PyLong_FromSsize_t(i);
        if (!last) goto error;
        int rc = PyList_Append(bounds, last);
        Py_DECREF(last);
        if (rc < 0) goto error;
    }
    return Py_BuildValue("(NNN)", infos, bounds, missing);

error:
    Py_XDECREF(infos);
    Py_XDECREF(bounds);
    Py_XDECREF(missing);
    return NULL;
}

static PyMethodDef methods[] = {
    {"scan", scan, METH_VARARGS,
     "scan(text, forms) -> (infos, bounds, missing): tokens of a normalized text, see the module."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_scan", NULL, -1, methods};

PyMODINIT_FUNC PyInit__scan(void) { return PyModule_Create(&module); }
