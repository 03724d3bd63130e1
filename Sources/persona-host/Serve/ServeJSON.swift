import Foundation
import Hummingbird

/// JSON in and out of the server, with the CLI's encoding (`Output.jsonData`: the bodies are the
/// documents `--json` prints) and a strict reading of request bodies.
enum ServeJSON {
    /// `value` as a JSON response.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        do {
            var data = try Output.jsonData(value)
            data.append(0x0A)
            return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        } catch {
            // An Encodable of ours that does not encode is a host bug: say so rather than send half a body.
            let text = #"{"error":{"code":"runtime","message":"the response could not be encoded"}}"# + "\n"
            return Response(status: .internalServerError, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }

    /// The request's body (at most the context's upload limit: more is 413).
    static func body(_ request: Request, context: some RequestContext) async throws -> Data {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        return Data(buffer.readableBytesView)
    }

    /// The body decoded as `T` (snake_case keys); a body that is not that JSON is a 400 saying why.
    static func decode<T: Decodable>(_ type: T.Type, _ request: Request, context: some RequestContext) async throws -> T {
        let data = try await body(request, context: context)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(T.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw APIError.input("the request body has no \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError.input("the request body's \"\(path)\" has the wrong type: \(context.debugDescription)")
        } catch {
            throw APIError.input("the request body is not the JSON expected: \(error.localizedDescription)")
        }
    }
}
