import Foundation
import Hummingbird

/// The stylesheet and the OpenAPI document, served from the module's resources.
struct StaticRoutes {
    func register(on router: Router<WebContext>) {
        router.get("/static/app.css") { _, _ in
            try Self.resource("app.css", type: "text/css; charset=utf-8", cache: "public, max-age=3600")
        }
        router.get("/api/openapi.json") { _, _ in
            try Self.resource("openapi.json", type: "application/json; charset=utf-8", cache: "no-cache")
        }
    }

    static func resource(_ name: String, type: String, cache: String) throws -> Response {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil), let data = try? Data(contentsOf: url)
        else { throw WebError.notFound }
        return Response(
            status: .ok, headers: [.contentType: type, .cacheControl: cache],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
