#!/usr/bin/env python3
"""Runs every unbounded-* check over the real headers of the libraries the
set-up installs (dev.sh's PACKAGES): one translation unit per library that
includes its public headers, twice: as the system headers they are (what every
user's build sees: no crash allowed), and through a directory of symbolic
links that makes them project headers, so that findings inside them are
reported (--header-filter='.*'). A library's headers should produce no crash
and, ideally, no finding: they are the well-behaved code the checks match
calls against.

  bench/realworld/headers.py --tidy build/bin/unbounded-tidy [--json FILE]

Exit status: 0 when no library crashed the driver or produced a finding,
1 otherwise, 2 on a usage error.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

# Library -> (headers an application includes, the installed paths those
# names resolve to, extra compile flags).
LIBRARIES = {
    'boost': (['boost/asio.hpp', 'boost/thread.hpp', 'boost/lockfree/queue.hpp',
               'boost/lockfree/spsc_queue.hpp', 'boost/circular_buffer.hpp', 'boost/beast.hpp'],
              ['/usr/include/boost'], []),
    'tbb': (['tbb/tbb.h', 'tbb/concurrent_queue.h', 'tbb/task_group.h'],
            ['/usr/include/tbb', '/usr/include/oneapi'], []),
    'curl': (['curl/curl.h'], ['/usr/include/x86_64-linux-gnu/curl'], []),
    'cpp-httplib': (['httplib.h'], ['/usr/include/httplib.h'], []),
    'grpc': (['grpcpp/grpcpp.h', 'grpcpp/server_builder.h', 'grpcpp/resource_quota.h'],
             ['/usr/include/grpcpp', '/usr/include/grpc', '/usr/include/grpc++'], []),
    'hiredis': (['hiredis/hiredis.h', 'hiredis/async.h'], ['/usr/include/hiredis'], []),
    'pqxx': (['pqxx/pqxx'], ['/usr/include/pqxx'], []),
    'libpq': (['libpq-fe.h'], ['/usr/include/postgresql/libpq-fe.h'], ['-I/usr/include/postgresql']),
    'mariadb': (['mysql.h'], ['/usr/include/mariadb/mysql.h'], ['-I/usr/include/mariadb']),
    'spdlog': (['spdlog/spdlog.h', 'spdlog/async.h', 'spdlog/sinks/basic_file_sink.h'],
               ['/usr/include/spdlog'], []),
    'moodycamel': (['concurrentqueue/concurrentqueue.h', 'concurrentqueue/blockingconcurrentqueue.h'],
                   ['/usr/include/concurrentqueue'], []),
}
CONFIG = '{Checks: "-*,unbounded-*"}'


def project_view(work, name, roots):
    """A directory of symbolic links to the library's installed headers: included
    through it (-I, searched before the system directories) they are project headers."""
    view = os.path.join(work, name + '-view')
    os.makedirs(view, exist_ok=True)
    for root in roots:
        link = os.path.join(view, os.path.basename(root))
        if os.path.exists(root) and not os.path.lexists(link):
            os.symlink(root, link)
    return view


def run_library(tidy, work, name, headers, flags, view):
    """Lints one translation unit including the library's headers; with a view,
    through it and with findings in every header reported."""
    mode = 'project' if view else 'system'
    source = os.path.join(work, '%s_%s.cpp' % (name.replace('-', '_'), mode))
    with open(source, 'w') as handle:
        handle.writelines('#include <%s>\n' % header for header in headers)
        handle.write('int main() { return 0; }\n')
    report = source + '.json'
    command = [tidy, source, '--quiet', '--config=' + CONFIG, '--format=json', '-o', report]
    if view:
        command.append('--header-filter=.*')
    command += ['--', '-std=c++17', '-w'] + (['-I' + view] if view else []) + flags
    completed = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               universal_newlines=True, timeout=1800)
    result = {'library': name, 'mode': mode, 'headers': headers, 'exit': completed.returncode,
              'findings': [], 'errors': [], 'crash': False}
    if completed.returncode < 0 or completed.returncode > 2 or not os.path.isfile(report):
        result['crash'] = True
        result['errors'] = completed.stderr.strip().splitlines()[-3:]
        return result
    with open(report) as handle:
        data = json.load(handle)
    result['findings'] = [{'check': f['check'], 'file': os.path.realpath(f['file']), 'line': f['line'],
                           'message': f['message']} for f in data.get('findings', [])]
    result['errors'] = [{'check': e['check'], 'file': e['file'], 'line': e['line'],
                         'message': e['message']} for e in data.get('errors', [])]
    result['crash'] = any(e['check'] == 'unbounded-tidy-error' for e in data.get('errors', []))
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--tidy', required=True)
    parser.add_argument('--json', metavar='FILE')
    args = parser.parse_args()
    if not os.access(args.tidy, os.X_OK):
        print("headers.py: error: '%s' is not an executable driver" % args.tidy, file=sys.stderr)
        return 2
    results = []
    with tempfile.TemporaryDirectory(prefix='realworld-headers-') as work:
        for name, (headers, roots, flags) in LIBRARIES.items():
            print('headers.py: %s' % name, file=sys.stderr)
            results.append(run_library(args.tidy, work, name, headers, flags, None))
            results.append(run_library(args.tidy, work, name, headers, flags,
                                       project_view(work, name, roots)))
    print('| library | included as | crash | findings | compiler errors |')
    print('|---|---|---|---|---|')
    for result in results:
        compile_errors = sum(1 for e in result['errors']
                             if isinstance(e, dict) and e['check'] == 'clang-diagnostic-error')
        print('| %s | %s headers | %s | %d | %d |' % (result['library'], result['mode'],
                                                      'yes' if result['crash'] else 'no',
                                                      len(result['findings']), compile_errors))
    for result in results:
        for finding in result['findings']:
            print('- %s (%s headers): `%s:%d` [%s] %s' % (result['library'], result['mode'],
                                                         finding['file'], finding['line'],
                                             finding['check'], finding['message']))
    if args.json:
        with open(args.json, 'w') as handle:
            json.dump(results, handle, indent=1)
    bad = any(r['crash'] or r['findings'] for r in results)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
