"""A small SMTP server for the tests: accepts every message on
127.0.0.1:PORT and writes it to DIR/NNNNNN.eml as received (dot-stuffing
undone), after two lines "X-Envelope-From:" and "X-Envelope-To:".  A
recipient whose address starts with "bounce" is refused for good (550),
as a server does for an address that does not exist.  Plain
sockets, no deprecated smtpd module.  Usage: smtpsink.py PORT DIR [FILE]:
with PORT 0 the system picks a free port, written to FILE once the
server listens."""

import os
import socketserver
import sys
import threading

PORT, DIR = int(sys.argv[1]), sys.argv[2]
os.makedirs(DIR, exist_ok=True)
lock = threading.Lock()
count = [0]


class Handler(socketserver.StreamRequestHandler):
    def say(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.say("220 smtpsink ready")
        sender, rcpts = "", []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            cmd = line.decode("latin-1").rstrip("\r\n")
            verb = cmd[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.say("250-smtpsink")
                self.say("250 8BITMIME")
            elif cmd.upper().startswith("MAIL FROM:"):
                sender, rcpts = cmd[10:].strip(), []
                self.say("250 ok")
            elif cmd.upper().startswith("RCPT TO:"):
                rcpt = cmd[8:].strip()
                if rcpt.lower().startswith("<bounce"):
                    self.say("550 5.1.1 no such mailbox")
                    continue
                rcpts.append(rcpt)
                self.say("250 ok")
            elif verb == "DATA":
                self.say("354 go on")
                data = []
                while True:
                    d = self.rfile.readline()
                    if not d or d in (b".\r\n", b".\n"):
                        break
                    data.append(d[1:] if d.startswith(b".") else d)
                with lock:
                    count[0] += 1
                    name = os.path.join(DIR, "%06d.eml" % count[0])
                with open(name + ".tmp", "wb") as f:
                    f.write(b"X-Envelope-From: %s\r\nX-Envelope-To: %s\r\n"
                            % (sender.encode(), ",".join(rcpts).encode()))
                    f.write(b"".join(data))
                os.rename(name + ".tmp", name)
                self.say("250 queued")
            elif verb == "QUIT":
                self.say("221 bye")
                return
            elif verb in ("RSET", "NOOP"):
                self.say("250 ok")
            else:
                self.say("502 not implemented")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


srv = Server(("127.0.0.1", PORT), Handler)
if len(sys.argv) > 3:
    with open(sys.argv[3] + ".tmp", "w") as f:
        f.write("%d\n" % srv.server_address[1])
    os.rename(sys.argv[3] + ".tmp", sys.argv[3])
srv.serve_forever()
