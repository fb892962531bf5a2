#!/usr/bin/env python3
"""Runs every unbounded-* check over the real headers of the libraries the
set-up installs (dev.sh's PACKAGES): one translation unit per library that
includes its public headers, with findings in system headers reported. A
library's headers should produce no crash and no finding: they are the
well-behaved code the checks match calls against.

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

# Library -> (headers, extra compile flags). Each header is what an application includes.
LIBRARIES = {
    'boost': (['boost/asio.hpp', 'boost/thread.hpp', 'boost/lockfree/queue.hpp',
               'boost/lockfree/spsc_queue.hpp', 'boost/circular_buffer.hpp', 'boost/beast.hpp'], []),
    'tbb': (['tbb/tbb.h', 'tbb/concurrent_queue.h', 'tbb/task_group.h'], []),
    'curl': (['curl/curl.h'], []),
    'cpp-httplib': (['httplib.h'], []),
    'grpc': (['grpcpp/grpcpp.h', 'grpcpp/server_builder.h', 'grpcpp/resource_quota.h'], []),
    'hiredis': (['hiredis/hiredis.h', 'hiredis/async.h'], []),
    'pqxx': (['pqxx/pqxx'], []),
    'libpq': (['libpq-fe.h'], ['-I/usr/include/postgresql']),
    'mariadb': (['mysql.h'], ['-I/usr/include/mariadb']),
    'spdlog': (['spdlog/spdlog.h', 'spdlog/async.h', 'spdlog/sinks/basic_file_sink.h'], []),
    'moodycamel': (['concurrentqueue/concurrentqueue.h',
                    'concurrentqueue/blockingconcurrentqueue.h'], []),
}
CONFIG = '{Checks: "-*,unbounded-*", SystemHeaders: true, HeaderFilterRegex: ".*"}'


def run_library(tidy, work, name, headers, flags):
    source = os.path.join(work, name.replace('-', '_') + '.cpp')
    with open(source, 'w') as handle:
        handle.writelines('#include <%s>\n' % header for header in headers)
        handle.write('int main() { return 0; }\n')
    report = source + '.json'
    command = [tidy, source, '--quiet', '--config=' + CONFIG, '--format=json', '-o', report,
               '--', '-std=c++17', '-w'] + flags
    completed = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               universal_newlines=True, timeout=1800)
    result = {'library': name, 'headers': headers, 'exit': completed.returncode,
              'findings': [], 'errors': [], 'crash': False}
    if completed.returncode < 0 or completed.returncode > 2 or not os.path.isfile(report):
        result['crash'] = True
        result['errors'] = completed.stderr.strip().splitlines()[-3:]
        return result
    with open(report) as handle:
        data = json.load(handle)
    result['findings'] = [{'check': f['check'], 'file': f['file'], 'line': f['line'],
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
        for name, (headers, flags) in LIBRARIES.items():
            print('headers.py: %s' % name, file=sys.stderr)
            results.append(run_library(args.tidy, work, name, headers, flags))
    print('| library | headers | crash | findings | compiler errors |')
    print('|---|---|---|---|---|')
    for result in results:
        compile_errors = sum(1 for e in result['errors']
                             if isinstance(e, dict) and e['check'] == 'clang-diagnostic-error')
        print('| %s | %s | %s | %d | %d |' % (result['library'], ', '.join(result['headers']),
                                              'yes' if result['crash'] else 'no',
                                              len(result['findings']), compile_errors))
    for result in results:
        for finding in result['findings']:
            print('- %s: `%s:%d` [%s] %s' % (result['library'], finding['file'], finding['line'],
                                             finding['check'], finding['message']))
    if args.json:
        with open(args.json, 'w') as handle:
            json.dump(results, handle, indent=1)
    bad = any(r['crash'] or r['findings'] for r in results)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
