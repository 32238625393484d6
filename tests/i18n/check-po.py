#!/usr/bin/env python3
"""Checks that every string a person reads can be translated (TAP output).

1. po/POTFILES.in names every source file with marked strings (_(), N_(),
   C_(), NC_(), ngettext, g_dngettext, translatable="yes"), and the desktop
   file, metainfo and schema; and nothing it names is missing.
2. xgettext, told only about the functions that show text (labels, toasts,
   titles, tooltips, dialogs, error messages...), finds no string literal
   passed to them unmarked; deliberate exceptions are listed in
   tests/i18n/untranslated.txt ("file: string", one a line).
3. .ui files: no label, title, tooltip or placeholder without
   translatable="yes".
4. Every language in po/LINGUAS has a .po file that msgfmt --check accepts,
   with every message of today's sources translated and none fuzzy.

Usage: check-po.py SOURCE_ROOT
"""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..')
root = os.path.abspath(root)

MARKERS = re.compile(r'\b(?:_|N_|C_|NC_|ngettext|g_dngettext|g_dgettext|g_dpgettext2)\s*\(')

# function: the argument (from 1) that a person reads
UI_FUNCTIONS = {
    'gtk_label_new': [1], 'gtk_label_set_text': [2], 'gtk_label_set_label': [2],
    'gtk_label_set_markup': [2], 'gtk_label_new_with_mnemonic': [1],
    'gtk_button_new_with_label': [1], 'gtk_button_new_with_mnemonic': [1], 'gtk_button_set_label': [2],
    'gtk_check_button_new_with_label': [1], 'gtk_check_button_set_label': [2],
    'gtk_widget_set_tooltip_text': [2], 'gtk_widget_set_tooltip_markup': [2],
    'gtk_window_set_title': [2], 'gtk_entry_set_placeholder_text': [2],
    'gtk_text_set_placeholder_text': [2], 'gtk_string_list_append': [2],
    'gtk_file_chooser_native_new': [1, 4, 5], 'gtk_file_filter_set_name': [2],
    'gtk_menu_button_set_label': [2], 'gtk_frame_new': [1], 'gtk_expander_new': [1],
    'g_menu_append': [2], 'g_menu_item_new': [1], 'g_menu_insert': [3], 'g_menu_prepend': [2],
    'adw_toast_new': [1], 'adw_toast_set_title': [2], 'adw_toast_set_button_label': [2],
    'adw_window_title_new': [1, 2], 'adw_window_title_set_title': [2], 'adw_window_title_set_subtitle': [2],
    'adw_status_page_set_title': [2], 'adw_status_page_set_description': [2],
    'adw_message_dialog_new': [2, 3], 'adw_message_dialog_set_heading': [2],
    'adw_message_dialog_set_body': [2], 'adw_message_dialog_format_body': [2],
    'adw_message_dialog_format_heading': [2], 'adw_message_dialog_add_response': [3],
    'adw_preferences_row_set_title': [2], 'adw_action_row_set_subtitle': [2],
    'adw_preferences_group_set_title': [2], 'adw_preferences_group_set_description': [2],
    'adw_expander_row_set_subtitle': [2], 'adw_preferences_page_set_title': [2],
    'g_set_error': [4], 'g_set_error_literal': [4], 'g_error_new': [3], 'g_error_new_literal': [3],
    'g_task_return_new_error': [4], 'g_prefix_error': [2], 'g_propagate_prefixed_error': [3],
    'tl_import_fail': [4], 'tl_document_warn': [3],
    'tl_window_toast': [2], 'tl_window_toast_error': [2], 'show_task_progress': [2],
    'tl_cli_usage_error': [2], 'tl_cli_failed': [2], 'tl_cli_say': [1], 'g_printerr': [1],
    'g_option_context_set_summary': [2], 'g_option_context_new': [1],
}
UI_PROPERTIES = {'label', 'title', 'subtitle', 'tooltip-text', 'tooltip-markup', 'placeholder-text',
                 'description', 'heading', 'body', 'text', 'accelerator-title', 'button-label'}

tests = []


def test(name, problems):
    tests.append((name, problems))


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def potfiles():
    listed = []
    for line in read(os.path.join(root, 'po', 'POTFILES.in')).splitlines():
        line = line.strip()
        if line and not line.startswith('#'):
            listed.append(line)
    return listed


def source_files():
    for top in ('src', 'data'):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                yield os.path.relpath(os.path.join(dirpath, name), root)


CHECKED = ('.c', '.h', '.ui', '.desktop.in', '.metainfo.xml.in', '.appdata.xml.in', '.gschema.xml')


def has_translatable(rel):
    # only the kinds of file below are read: data/ holds images too
    if not rel.endswith(CHECKED):
        return False
    text = read(os.path.join(root, rel))
    if rel.endswith('.c') or rel.endswith('.h'):
        stripped = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
        return MARKERS.search(stripped) is not None
    if rel.endswith('.ui'):
        return 'translatable="yes"' in text
    if rel.endswith('.desktop.in'):
        return True
    if rel.endswith('.metainfo.xml.in') or rel.endswith('.appdata.xml.in'):
        return True
    if rel.endswith('.gschema.xml'):
        return '<summary' in text or '<description' in text
    return False


listed = potfiles()
missing = [rel for rel in source_files() if has_translatable(rel) and rel not in listed]
test('every file with translatable strings is in po/POTFILES.in',
     ['%s has translatable strings but is not in po/POTFILES.in' % rel for rel in missing])
test('every file in po/POTFILES.in exists',
     ['po/POTFILES.in names %s, which does not exist' % rel for rel in listed
      if not os.path.exists(os.path.join(root, rel))])

# deliberate exceptions: "file: string"
exceptions = set()
exceptions_path = os.path.join(root, 'tests', 'i18n', 'untranslated.txt')
for line in read(exceptions_path).splitlines():
    if line.strip() and not line.startswith('#'):
        exceptions.add(line.rstrip('\n'))


def meaningful(msgid):
    """Has words in it once printf directives and markup are gone."""
    text = re.sub(r'%[-+ #0-9.*]*(?:l{0,2}|z|j|t|h{0,2})[a-zA-Z]|%%', '', msgid)
    text = re.sub(r'<[^>]*>', '', text)
    return re.search(r'[^\W\d_]{2,}', text) is not None


c_sources = [rel for rel in source_files() if rel.endswith('.c')]
keywords = []
for func, args in UI_FUNCTIONS.items():
    for a in args:
        keywords.append('--keyword=%s:%d' % (func, a))
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, 'unmarked.po')
    run = subprocess.run(['xgettext', '--language=C', '--from-code=UTF-8', '--no-wrap', '--omit-header',
                          '--force-po', '--sort-by-file', '-o', out, '--keyword'] + keywords + c_sources,
                         cwd=root, capture_output=True, text=True)
    if run.returncode != 0:
        test('xgettext runs', [run.stderr.strip()])
        unmarked_po = ''
    else:
        test('xgettext runs', [])
        unmarked_po = read(out)

problems = []
seen_exceptions = set()
for block in unmarked_po.split('\n\n'):
    refs = re.findall(r'^#: (.*)$', block, re.M)
    m = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
    if not m:
        continue
    msgid = ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))
    msgid = msgid.encode('utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8')
    if not meaningful(msgid):
        continue
    for ref in ' '.join(refs).split():
        rel = ref.rsplit(':', 1)[0]
        key = '%s: %s' % (rel, msgid)
        if key in exceptions:
            seen_exceptions.add(key)
            continue
        problems.append('%s: “%s” is shown but not marked for translation' % (ref, msgid))
test('no unmarked string literal is shown by the C code', problems)

problems = []
for rel in source_files():
    if not rel.endswith('.ui'):
        continue
    tree = ET.parse(os.path.join(root, rel))
    for elem in tree.iter():
        if elem.tag in ('property', 'attribute') and elem.get('name') in UI_PROPERTIES:
            text = (elem.text or '').strip()
            if text and meaningful(text) and elem.get('translatable') != 'yes':
                key = '%s: %s' % (rel, text)
                if key in exceptions:
                    seen_exceptions.add(key)
                    continue
                problems.append('%s: <%s name="%s">%s</%s> is not translatable="yes"'
                                % (rel, elem.tag, elem.get('name'), text, elem.tag))
test('no .ui text without translatable="yes"', problems)

def po_entries(path):
    """(msgctxt, msgid) -> (list of msgstr, fuzzy) of a .po or .pot file."""
    entries = {}
    for chunk in read(path).strip().split('\n\n'):
        fields, cur, fuzzy = {}, None, False
        for line in chunk.split('\n'):
            if line.startswith('#,') and 'fuzzy' in line:
                fuzzy = True
            if line.startswith('#'):
                continue
            m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) (".*")$', line)
            if m:
                cur = m.group(1)
                fields[cur] = ''
                line = m.group(2)
            if cur and line.startswith('"'):
                fields[cur] += ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', line))
        if 'msgid' in fields:
            strs = [v for k, v in sorted(fields.items()) if k.startswith('msgstr')]
            entries[(fields.get('msgctxt'), fields['msgid'])] = (strs, fuzzy)
    return entries


with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, 'sources.pot')
    code_files = [rel for rel in listed if rel.endswith('.c') or rel.endswith('.ui')]
    run = subprocess.run(['xgettext', '--from-code=UTF-8', '--no-wrap', '-o', pot,
                          '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
                          '--keyword=g_dngettext:2,3', '--keyword=g_dcgettext:2', '--keyword=g_dpgettext2:2c,3']
                         + code_files, cwd=root, capture_output=True, text=True)
    wanted = po_entries(pot) if run.returncode == 0 else {}
    wanted.pop((None, ''), None)

linguas = []
for line in read(os.path.join(root, 'po', 'LINGUAS')).splitlines():
    linguas += [w for w in line.split('#')[0].split()]
for lang in linguas:
    problems = []
    path = os.path.join(root, 'po', lang + '.po')
    if not os.path.exists(path):
        test('po/%s.po exists, is valid and complete' % lang, ['po/%s.po is missing' % lang])
        continue
    with tempfile.TemporaryDirectory() as tmp:
        check = subprocess.run(['msgfmt', '--check', '-o', os.path.join(tmp, 'x.mo'), path],
                               capture_output=True, text=True)
    if check.returncode != 0:
        problems.append(check.stderr.strip())
    have = po_entries(path)
    for key, (strs, fuzzy) in have.items():
        if key[1] == '':
            continue
        if fuzzy:
            problems.append('po/%s.po: “%s” is fuzzy' % (lang, key[1]))
        elif not strs or any(s == '' for s in strs):
            problems.append('po/%s.po: “%s” is not translated' % (lang, key[1]))
    for key in wanted:
        if key not in have:
            problems.append('po/%s.po lacks “%s” (run meson compile tagline-update-po, then translate it)'
                            % (lang, key[1]))
    test('po/%s.po is valid and complete' % lang, problems)

test('every exception in tests/i18n/untranslated.txt is still needed',
     ['%s is no longer found: remove it from tests/i18n/untranslated.txt' % key
      for key in sorted(exceptions - seen_exceptions)])

print('1..%d' % len(tests))
failed = 0
for i, (name, problems) in enumerate(tests, 1):
    if problems:
        failed += 1
        print('not ok %d %s' % (i, name))
        for p in problems:
            print('# ' + p)
    else:
        print('ok %d %s' % (i, name))
sys.exit(1 if failed else 0)
