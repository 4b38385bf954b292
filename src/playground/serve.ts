// `regretlab playground --serve`: the built folder over HTTP on the loopback interface only, GET
// and HEAD, no directory listings, nothing outside the folder.
import { createReadStream } from "node:fs"
import * as fs from "node:fs/promises"
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import * as path from "node:path"

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png"
}

export interface Served {
  readonly url: string
  close(): Promise<void>
}

/** Serves dir on 127.0.0.1 (port 0: any free port) and resolves once it listens. */
export const serveFolder = async (dir: string, port = 0): Promise<Served> => {
  const root = path.resolve(dir)
  const server = http.createServer(async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end()
      return
    }
    let pathname: string
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname)
    } catch {
      res.writeHead(400).end()
      return
    }
    const file = path.resolve(root, `.${pathname.endsWith("/") ? `${pathname}index.html` : pathname}`)
    const stat = file.startsWith(root + path.sep) ? await fs.stat(file).catch(() => undefined) : undefined
    if (stat === undefined || !stat.isFile()) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n")
      return
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "content-length": stat.size, "cache-control": "no-cache" })
    if (req.method === "HEAD") res.end()
    else createReadStream(file).pipe(res)
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, "127.0.0.1", () => resolve())
  })
  const { port: bound } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${bound}/`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()) })
  }
}
