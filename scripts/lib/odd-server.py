#!/usr/bin/env python3
"""A web server that is not a model server, for the e2e checks of error messages.

Modes: `page404` answers every request with an nginx-style 404 page; `page200` with a login
page and status 200; `gzip` with a gzip-compressed body and status 200. In every mode a
connection that starts with a TLS handshake gets a plain-text 400, as Go's servers (Ollama)
answer HTTPS on an HTTP port. Usage: odd-server.py PORT_FILE MODE
"""
import gzip
import socket
import sys
import threading

PAGE_404 = b"<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
PAGE_200 = b"<!DOCTYPE html><html><head><title>Router login</title></head><body><form>Password</form></body></html>"


def reply(conn, status, headers, body):
    head = f"HTTP/1.1 {status}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers)
    conn.sendall(head.encode() + b"\r\n" + body)


def handle(conn):
    try:
        data = conn.recv(65536)
        if data[:1] == b"\x16":
            conn.sendall(b"HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n")
            return
        while b"\r\n\r\n" not in data:
            more = conn.recv(65536)
            if not more:
                break
            data += more
        if MODE == "page200":
            reply(conn, "200 OK", [("Content-Type", "text/html")], PAGE_200)
        elif MODE == "gzip":
            reply(conn, "200 OK", [("Content-Encoding", "gzip"), ("Content-Type", "application/x-ndjson")],
                  gzip.compress(b'{"message":{"content":"hi"},"done":true}\n'))
        else:
            reply(conn, "404 Not Found", [("Content-Type", "text/html")], PAGE_404)
    finally:
        conn.close()


def main():
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    with open(sys.argv[1], "w") as f:
        f.write(str(server.getsockname()[1]))
    while True:
        conn, _ = server.accept()
        threading.Thread(target=handle, args=(conn,), daemon=True).start()


MODE = sys.argv[2]
main()
