#!/usr/bin/env python3
"""Writes a project of N small translation units and its compilation
database: src/tuK.cpp includes include/hK.h and include/common.h; tu0.cpp
has a crossuser-cache-key finding. With --md, each compile command writes
obj/tuK.d (-MD -MF) and the .d files are written too, as a build would
leave them, each also naming include/extraK.h (which no source includes),
so that a test can tell a dependency file from a preprocessor pass.

usage: many_tus.py DIR N MOCK_FLAGS [--md]"""
import json
import os
import shlex
import sys


def main():
    root, n, mock = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    md = "--md" in sys.argv[4:]
    for d in ("src", "include", "obj"):
        os.makedirs(os.path.join(root, d), exist_ok=True)
    with open(os.path.join(root, "include", "common.h"), "w") as f:
        f.write("#pragma once\ninline int common() { return 1; }\n")
    db = []
    for k in range(n):
        with open(os.path.join(root, "include", "h%d.h" % k), "w") as f:
            f.write("#pragma once\ninline int h%d() { return %d; }\n" % (k, k))
        with open(os.path.join(root, "include", "extra%d.h" % k), "w") as f:
            f.write("#pragma once\n")
        src = os.path.join(root, "src", "tu%d.cpp" % k)
        with open(src, "w") as f:
            f.write('#include "h%d.h"\n#include "common.h"\n' % k)
            if k == 0:
                f.write('#include "service.h"\n'
                        'class H : public http::Handler {\n'
                        '  void Handle(const http::Request &req, http::Response &resp) override {\n'
                        '    Session session = ResolveSession(req);\n'
                        '    cache_.Put(req.path(), db_.LoadProfile(session.user_id()));\n'
                        '  }\n'
                        '  Database db_;\n'
                        '  LruCache<std::string, Profile> cache_;\n'
                        '};\n')
            f.write("int f%d() { return h%d() + common(); }\n" % (k, k))
        args = ["clang++"] + shlex.split(mock) + ["-I", os.path.join(root, "include"),
                                                   "-c", src, "-o", "obj/tu%d.o" % k]
        if md:
            args[1:1] = ["-MD", "-MF", "obj/tu%d.d" % k]
            with open(os.path.join(root, "obj", "tu%d.d" % k), "w") as f:
                f.write("obj/tu%d.o: %s \\\n  %s/include/h%d.h %s/include/common.h \\\n  ../%s/include/extra%d.h\n"
                        % (k, src, root, k, root, os.path.basename(root), k))
        db.append({"directory": root, "file": src, "arguments": args})
    with open(os.path.join(root, "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)


if __name__ == "__main__":
    main()
