#!/usr/bin/env python3
"""Scores the unbounded-* checks against labelled sites in public repositories.

labels.csv names, for each site, a repository, the commit it was read at, a
file, a line window, a category and the check expected there ("none" for a
legitimate site that must stay quiet). This script lints the labelled files of
every repository checked out locally (bench/realworld/fetch.sh lays them out),
through a small compile database of its own per repository, and reports:

  - recall per category and per check (labelled problems caught);
  - false alarms (any finding on a "none" site, or a finding of another check
    on a problem site is not counted as a catch);
  - crashes (analysis failures reported by the driver, or the driver dying);
  - repositories missing locally, files that did not compile cleanly, and the
    findings in linted files that no label covers (to triage).

Output: a Markdown summary on stdout (or --markdown FILE) and the full result
as JSON (--json FILE). The repositories' code never enters this repository.

  bench/realworld/score.py --tidy build/bin/unbounded-tidy [--src DIR] [-j N]
"""

import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import OrderedDict, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_EXTENSIONS = ('.c', '.cc', '.cpp', '.cxx')
HEADER_EXTENSIONS = ('.h', '.hh', '.hpp', '.hxx', '.ipp', '.inl')
CATEGORIES = ['connection-storm', 'client-limits', 'silent-drop', 'pool-growth',
              'thread-per-request', 'unbounded-queue']
MAX_SIBLINGS = 40
MAX_UNITS = 60
INCLUDE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*(?:"([^"]+)"|<([^>]+)>)', re.M)
RUN_TIMEOUT_SECONDS = 1800

# Headers that some repositories include under a name Debian does not ship.
SHIM_HEADERS = {
    'mysql/mysql.h': '#include <mariadb/mysql.h>\n',
}


# How the driver names a crash that every check alone reproduces.
CLANG_CRASH = 'a crash in clang itself'


def fail(message):
    """Prints one error line and exits with the usage-error status."""
    print('score.py: error: ' + message, file=sys.stderr)
    sys.exit(2)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--tidy', required=True, help='path of the unbounded-tidy driver')
    parser.add_argument('--src', default=os.environ.get(
        'UNBOUNDED_REALWORLD_SRC',
        os.path.expanduser('~/.cache/unbounded-tidy/realworld')),
                        help='directory of the checkouts (owner+name each; default %(default)s)')
    parser.add_argument('--labels', default=os.path.join(HERE, 'labels.csv'))
    parser.add_argument('--repos', default=os.path.join(HERE, 'repos.json'),
                        help='per-repository compile flags (default %(default)s)')
    parser.add_argument('-j', '--jobs', type=int, default=2, help='driver workers (default 2)')
    parser.add_argument('--only', action='append', default=[], metavar='OWNER/NAME',
                        help='score only this repository (repeatable)')
    parser.add_argument('--json', metavar='FILE', help='write the full result as JSON')
    parser.add_argument('--markdown', metavar='FILE', help='write the summary here instead of stdout')
    parser.add_argument('--work', metavar='DIR',
                        help='keep compile databases, reports and the driver cache here, so a rerun '
                             'only lints what changed (default: a temporary directory)')
    args = parser.parse_args()
    if not os.access(args.tidy, os.X_OK):
        fail("'%s' is not an executable driver" % args.tidy)
    if not os.path.isfile(args.labels):
        fail("no labels file '%s'" % args.labels)
    args.src = os.path.abspath(args.src)
    if args.work:
        args.work = os.path.abspath(args.work)
    return args


def parse_window(text, where):
    first, _, last = text.partition('-')
    try:
        start, end = int(first), int(last or first)
    except ValueError:
        fail('%s: line window %r is not START-END' % (where, text))
    if start < 1 or end < start:
        fail('%s: line window %r is empty' % (where, text))
    return start, end


def read_labels(path):
    """Returns the labels as dicts, in file order."""
    labels = []
    with open(path, newline='') as handle:
        rows = csv.reader(line for line in handle if line.strip() and not line.startswith('#'))
        for number, row in enumerate(rows, 1):
            where = '%s: label %d' % (os.path.basename(path), number)
            if len(row) < 7:
                fail('%s has %d fields, 7 expected' % (where, len(row)))
            repo, commit, file, window, category, expected = (field.strip() for field in row[:6])
            if '/' not in repo or len(commit) != 40:
                fail('%s: bad repository or commit' % where)
            if category != 'legit' and category not in CATEGORIES:
                fail('%s: unknown category %r' % (where, category))
            if (category == 'legit') != (expected == 'none'):
                fail('%s: "legit" goes with "none" and only with it' % where)
            start, end = parse_window(window, where)
            labels.append({'id': number, 'repo': repo, 'commit': commit, 'file': file,
                           'start': start, 'end': end, 'category': category,
                           'expected': expected, 'shape': ','.join(row[6:]).strip()})
    return labels


def read_repo_options(path):
    if not os.path.isfile(path):
        return {}
    with open(path) as handle:
        try:
            options = json.load(handle)
        except ValueError as error:
            fail("'%s' is not valid JSON: %s" % (path, error))
    return {repo: value for repo, value in options.items() if not repo.startswith('_')}


def checkout_state(src, repo, commit):
    """Returns (directory, None) when the checkout is there at the commit, else (None, why)."""
    directory = os.path.join(src, repo.replace('/', '+'))
    if not os.path.isdir(directory):
        return None, 'not checked out'
    stamp = os.path.join(directory, '.realworld-commit')
    if not os.path.isfile(stamp):
        return None, 'checkout has no .realworld-commit stamp (run fetch.sh)'
    with open(stamp) as handle:
        found = handle.read().strip()
    if found != commit:
        return None, 'checked out at %s, labelled at %s' % (found[:12], commit[:12])
    return directory, None


def write_shims(work_dir, options):
    """Writes the shim headers (common ones and the repository's own) and returns their directory."""
    shim = os.path.join(work_dir, 'shim')
    for name, text in list(SHIM_HEADERS.items()) + list(options.get('shims', {}).items()):
        path = os.path.join(shim, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w') as handle:
            handle.write(text)
    return shim


def translation_units(checkout, repo_labels, options, work_dir, include_dirs):
    """The files to lint: labelled sources, their sibling sources, the sources
    defining what those include, and one wrapper source per labelled header (so
    the header is parsed in context)."""
    units, seen_dirs = [], set()

    def add(path):
        if path not in units:
            units.append(path)

    for label in repo_labels:
        path = os.path.join(checkout, label['file'])
        if path.endswith(SOURCE_EXTENSIONS):
            add(path)
        seen_dirs.add(os.path.dirname(path))
    for directory in sorted(seen_dirs):
        if not os.path.isdir(directory):
            continue
        siblings = sorted(name for name in os.listdir(directory) if name.endswith(SOURCE_EXTENSIONS))
        for name in siblings[:options.get('siblings', MAX_SIBLINGS)]:
            add(os.path.join(directory, name))
    for relative in options.get('sources', []):
        add(os.path.join(checkout, relative))
    add_defining_sources(units, checkout, include_dirs, options.get('closure', MAX_UNITS))
    wrappers = {}
    for label in repo_labels:
        path = os.path.join(checkout, label['file'])
        if path.endswith(HEADER_EXTENSIONS) and os.path.isfile(path) and path not in wrappers.values():
            wrapper = os.path.join(work_dir, 'include_%d.cpp' % len(wrappers))
            with open(wrapper, 'w') as handle:
                for prelude in options.get('prelude', []):
                    name = prelude if prelude.startswith('<') else '"%s"' % os.path.join(checkout, prelude)
                    handle.write('#include %s\n' % name)
                handle.write('#include "%s"\n' % path)
            wrappers[wrapper] = path
            add(wrapper)
    return [unit for unit in units if os.path.isfile(unit)], wrappers


def add_defining_sources(units, checkout, include_dirs, limit):
    """Adds, up to limit units in all, the source beside each project header
    that the units reach through their includes (`net/Pool.h` -> `net/Pool.cpp`),
    as the whole project's compile database would hold it."""
    queue, seen = list(units), set()
    while queue and len(units) < limit:
        path = queue.pop(0)
        try:
            with open(path, errors='replace') as handle:
                text = handle.read()
        except OSError:
            continue
        for quoted, angled in INCLUDE.findall(text):
            name = quoted or angled
            bases = ([os.path.dirname(path)] if quoted else []) + include_dirs
            found = [os.path.normpath(os.path.join(base, name)) for base in bases
                     if os.path.isfile(os.path.join(base, name))]
            if not found or found[0] in seen or not found[0].startswith(checkout + os.sep):
                continue
            seen.add(found[0])
            queue.append(found[0])
            stem = os.path.splitext(found[0])[0]
            for source in (stem + extension for extension in SOURCE_EXTENSIONS):
                if os.path.isfile(source) and source not in units and len(units) < limit:
                    units.append(source)
                    queue.append(source)


def include_directories(checkout, repo_labels, options, shim):
    """The repository's include directories ('{src}/' names another checkout,
    e.g. a dependency's headers; '{shim}/' the shim directory), then the
    labelled files' own and the usual `include` and `src`."""
    src = os.path.dirname(checkout)
    include_dirs = [checkout] + [os.path.join(checkout, d.replace('{src}', src).replace('{shim}', shim))
                                 for d in options.get('includes', [])]
    for directory in include_dirs:
        if directory.startswith(shim):
            os.makedirs(directory, exist_ok=True)
    for label in repo_labels:
        include_dirs.append(os.path.dirname(os.path.join(checkout, label['file'])))
    for default in ('include', 'src'):
        if os.path.isdir(os.path.join(checkout, default)):
            include_dirs.append(os.path.join(checkout, default))
    return list(OrderedDict.fromkeys(include_dirs))


def compile_flags(options, include_dirs, shim):
    """Compiler flags: the standard, the include directories, the shims and
    MariaDB's headers, the repository's defines and extra flags."""
    flags = ['-std=' + options.get('std', 'c++17'), '-w']
    flags += ['-I' + directory for directory in include_dirs]
    flags += ['-I' + shim, '-I/usr/include/mariadb']
    flags += ['-D' + define for define in options.get('defines', [])]
    flags += options.get('flags', [])
    return flags


def run_repo(args, repo, checkout, repo_labels, options, work):
    """Lints one repository; returns its report (parsed JSON) and status."""
    work_dir = os.path.join(work, repo.replace('/', '+'))
    os.makedirs(work_dir, exist_ok=True)
    shim = write_shims(work_dir, options)
    include_dirs = include_directories(checkout, repo_labels, options, shim)
    units, wrappers = translation_units(checkout, repo_labels, options, work_dir, include_dirs)
    flags = compile_flags(options, include_dirs, shim)
    database = [{'directory': checkout, 'file': unit,
                 'arguments': ['clang++'] + flags + ['-c', unit]} for unit in units]
    with open(os.path.join(work_dir, 'compile_commands.json'), 'w') as handle:
        json.dump(database, handle, indent=1)
    report_path = os.path.join(work_dir, 'report.json')
    command = [args.tidy, '-p', work_dir, '-j', str(args.jobs), '--quiet',
               '--config={Checks: "-*,unbounded-*"}',
               '--header-filter=^' + checkout.replace('+', '\\+') + '/',
               '--format=json', '-o', report_path]
    if args.work:
        command.append('--cache-dir=' + os.path.join(work, 'cache'))
    try:
        completed = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   universal_newlines=True, timeout=RUN_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return None, {'status': 'timeout', 'units': len(units)}
    status = {'status': 'ok', 'units': len(units), 'wrappers': wrappers, 'exit': completed.returncode,
              'stderr': completed.stderr.strip().splitlines()[-3:]}
    if completed.returncode < 0 or completed.returncode > 2 or not os.path.isfile(report_path):
        status['status'] = 'driver-died'
        return None, status
    with open(report_path) as handle:
        return json.load(handle), status


def locations(finding, with_notes):
    yield finding['file'], finding['line']
    if with_notes:
        for note in finding.get('notes', []):
            yield note.get('file', ''), note.get('line', 0)


def in_window(label, checkout, file, line):
    return (os.path.realpath(file) == os.path.realpath(os.path.join(checkout, label['file']))
            and label['start'] <= line <= label['end'])


def judge(label, checkout, findings):
    """Returns (verdict, matching findings) for one label."""
    if label['expected'] == 'none':
        hits = [f for f in findings if any(in_window(label, checkout, file, line)
                                           for file, line in locations(f, False))]
        return ('false-alarm' if hits else 'quiet'), hits
    hits = [f for f in findings if f['check'] == label['expected']
            and any(in_window(label, checkout, file, line) for file, line in locations(f, True))]
    return ('caught' if hits else 'missed'), hits


def brief(finding):
    return {'check': finding['check'], 'file': finding['file'], 'line': finding['line'],
            'message': finding['message']}


def score(args):
    labels = read_labels(args.labels)
    options = read_repo_options(args.repos)
    by_repo = OrderedDict()
    for label in labels:
        if not args.only or label['repo'] in args.only:
            by_repo.setdefault(label['repo'], []).append(label)
    work = args.work or tempfile.mkdtemp(prefix='realworld-')
    os.makedirs(work, exist_ok=True)
    result = {'schema': 'unbounded-realworld-score', 'version': 1, 'tidy': os.path.abspath(args.tidy),
              'labels': [], 'repos': {}, 'unlabelled_findings': [], 'compile_errors': {}}
    for repo, repo_labels in by_repo.items():
        commits = {label['commit'] for label in repo_labels}
        if len(commits) != 1:
            fail('%s is labelled at %d different commits' % (repo, len(commits)))
        checkout, why = checkout_state(args.src, repo, commits.pop())
        if checkout is None:
            result['repos'][repo] = {'status': 'missing', 'why': why}
            for label in repo_labels:
                result['labels'].append(dict(label, verdict='not-run'))
            continue
        print('score.py: %s (%d labels)' % (repo, len(repo_labels)), file=sys.stderr)
        report, status = run_repo(args, repo, checkout, repo_labels, options.get(repo, {}), work)
        result['repos'][repo] = status
        if report is None:
            for label in repo_labels:
                result['labels'].append(dict(label, verdict='crash' if status['status'] == 'driver-died' else 'not-run'))
            continue
        findings = [f for f in report.get('findings', []) if f['check'].startswith('unbounded-')]
        errors = report.get('errors', [])
        crashes = [e for e in errors if e['check'] == 'unbounded-tidy-error']
        # A file every check alone crashes on crashes clang itself.
        in_clang = [e for e in crashes if CLANG_CRASH in e['message']]
        status['crashes'] = [brief(e) for e in crashes if e not in in_clang]
        status['clang_crashes'] = [brief(e) for e in in_clang]
        compile_errors = defaultdict(int)
        for error in errors:
            if error['check'] == 'clang-diagnostic-error':
                compile_errors[os.path.relpath(error['file'], checkout)] += 1
        if compile_errors:
            result['compile_errors'][repo] = dict(compile_errors)
        wrappers = status.pop('wrappers', {})
        crashed_files = {os.path.realpath(wrappers.get(e['file'], e['file'])) for e in crashes}
        covered = set()
        for label in repo_labels:
            verdict, hits = judge(label, checkout, findings)
            if os.path.realpath(os.path.join(checkout, label['file'])) in crashed_files:
                verdict = 'crash'
            covered.update(id(hit) for hit in hits)
            result['labels'].append(dict(label, verdict=verdict, findings=[brief(h) for h in hits]))
        for finding in findings:
            if id(finding) not in covered:
                result['unlabelled_findings'].append(dict(brief(finding), repo=repo,
                                                          file=os.path.relpath(finding['file'], checkout)))
    result['summary'] = summarise(result['labels'], result['repos'])
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return result


def tally(labels):
    caught = sum(1 for l in labels if l['verdict'] == 'caught')
    run = sum(1 for l in labels if l['verdict'] in ('caught', 'missed', 'crash'))
    return caught, run


def summarise(labels, repos):
    problems = [l for l in labels if l['expected'] != 'none']
    legit = [l for l in labels if l['expected'] == 'none']
    summary = {'categories': {}, 'checks': {}}
    for category in CATEGORIES:
        caught, run = tally([l for l in problems if l['category'] == category])
        summary['categories'][category] = {'caught': caught, 'labelled': run}
    for check in sorted({l['expected'] for l in problems}):
        caught, run = tally([l for l in problems if l['expected'] == check])
        summary['checks'][check] = {'caught': caught, 'labelled': run}
    alarms_by_check = defaultdict(int)
    for label in legit:
        for check in {f['check'] for f in label.get('findings', [])}:
            alarms_by_check[check] += 1
    for check, count in alarms_by_check.items():
        summary['checks'].setdefault(check, {'caught': 0, 'labelled': 0})['false_alarms'] = count
    caught, run = tally(problems)
    summary['all'] = {'caught': caught, 'labelled': run}
    summary['false_alarms'] = sum(1 for l in legit if l['verdict'] == 'false-alarm')
    summary['legit_sites'] = sum(1 for l in legit if l['verdict'] in ('quiet', 'false-alarm', 'crash'))
    summary['crashes'] = sum(len(r.get('crashes', [])) for r in repos.values()) + \
        sum(1 for r in repos.values() if r.get('status') == 'driver-died')
    summary['clang_crashes'] = sum(len(r.get('clang_crashes', [])) for r in repos.values())
    summary['repos_scored'] = sum(1 for r in repos.values() if r.get('status') == 'ok')
    summary['repos_missing'] = sorted(name for name, r in repos.items() if r.get('status') == 'missing')
    return summary


def percent(caught, labelled):
    return '%d%%' % round(100.0 * caught / labelled) if labelled else '-'


def markdown(result):
    summary = result['summary']
    lines = ['| category | caught | recall |', '|---|---|---|']
    for category, row in summary['categories'].items():
        lines.append('| %s | %d of %d | %s |' % (category, row['caught'], row['labelled'],
                                                 percent(row['caught'], row['labelled'])))
    total = summary['all']
    lines.append('| **all** | **%d of %d** | **%s** |' % (total['caught'], total['labelled'],
                                                         percent(total['caught'], total['labelled'])))
    lines += ['', '| check | caught | recall | false alarms |', '|---|---|---|---|']
    for check, row in sorted(summary['checks'].items()):
        lines.append('| `%s` | %d of %d | %s | %d |' % (check, row['caught'], row['labelled'],
                                                        percent(row['caught'], row['labelled']),
                                                        row.get('false_alarms', 0)))
    lines += ['', 'False alarms: **%d** of %d legitimate sites. Crashes: **%d**%s. '
              'Repositories scored: %d; missing locally: %s.' % (
                  summary['false_alarms'], summary['legit_sites'], summary['crashes'],
                  ' (and %d in clang itself, not in a check)' % summary['clang_crashes']
                  if summary['clang_crashes'] else '',
                  summary['repos_scored'],
                  ', '.join(summary['repos_missing']) or 'none')]
    misses = [l for l in result['labels'] if l['verdict'] in ('missed', 'false-alarm', 'crash')]
    if misses:
        lines += ['', '| verdict | repository | site | expected | shape |', '|---|---|---|---|---|']
        for label in misses:
            lines.append('| %s | %s | `%s:%d-%d` | %s | %s |' % (
                label['verdict'], label['repo'], label['file'], label['start'], label['end'],
                label['expected'], label['shape']))
    lines += ['', '| repository | commit | problem sites | legitimate sites | status |', '|---|---|---|---|---|']
    by_repo = OrderedDict()
    for label in result['labels']:
        by_repo.setdefault(label['repo'], []).append(label)
    for repo, labels in sorted(by_repo.items(), key=lambda item: item[0].lower()):
        problems = sum(1 for l in labels if l['expected'] != 'none')
        status = result['repos'].get(repo, {})
        state = status.get('status', '?')
        if state == 'missing':
            state = 'missing: ' + status.get('why', '')
        elif status.get('crashes'):
            state = 'scored, %d crashed TU(s)' % len(status['crashes'])
        elif status.get('clang_crashes'):
            state = 'scored, clang crashed on %d TU(s)' % len(status['clang_crashes'])
        elif state == 'ok':
            state = 'scored'
        lines.append('| %s | `%s` | %d | %d | %s |' % (repo, labels[0]['commit'][:12], problems,
                                                       len(labels) - problems, state))
    if result['compile_errors']:
        lines += ['', 'Files with compiler errors (findings there may be incomplete): ' +
                  '; '.join('%s: %s' % (repo, ', '.join(sorted(files)))
                            for repo, files in sorted(result['compile_errors'].items()))]
    return '\n'.join(lines) + '\n'


def main():
    args = parse_args()
    result = score(args)
    if args.json:
        with open(args.json, 'w') as handle:
            json.dump(result, handle, indent=1, sort_keys=True)
    text = markdown(result)
    if args.markdown:
        with open(args.markdown, 'w') as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == '__main__':
    sys.exit(main())
