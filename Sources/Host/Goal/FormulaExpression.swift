import Foundation
import LuaBridge
import Plugins
import Builtins

/// A feature formula proven to be straight-line arithmetic, as a tree the host evaluates over
/// whole columns at once (no Lua call per row).
///
/// Semantics follow Lua 5.4 on floats: `/` and `^` are float operations, `%` takes the sign of
/// the divisor, `//` floors.
public indirect enum FormulaExpression: Sendable, Equatable {
    case constant(Double)
    case column(String)
    case negate(FormulaExpression)
    case binary(Operator, FormulaExpression, FormulaExpression)

    /// The arithmetic operators a traced formula may use.
    public enum Operator: String, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^", floorDivide = "//"

        func apply(_ a: Double, _ b: Double) -> Double {
            switch self {
            case .add: a + b
            case .subtract: a - b
            case .multiply: a * b
            case .divide: a / b
            case .power: pow(a, b)
            case .floorDivide: (a / b).rounded(.down)
            case .modulo:
                if b.isInfinite && a.isFinite { (a >= 0) == (b > 0) ? a : b } else {
                    { (m: Double) in (m != 0 && (m < 0) != (b < 0)) ? m + b : m }(fmod(a, b))
                }
            }
        }
    }

    /// The columns the formula reads.
    public var columns: Set<String> {
        switch self {
        case .constant: []
        case .column(let name): [name]
        case .negate(let e): e.columns
        case .binary(_, let a, let b): a.columns.union(b.columns)
        }
    }

    /// Evaluates the formula for every row of `table`.
    public func evaluate(over table: ColumnTable) -> [Double] {
        switch self {
        case .constant(let value):
            return [Double](repeating: value, count: table.count)
        case .column(let name):
            return table.numeric[name] ?? [Double](repeating: .nan, count: table.count)
        case .negate(let e):
            return e.evaluate(over: table).map { -$0 }
        case let .binary(op, .constant(a), b):
            return b.evaluate(over: table).map { op.apply(a, $0) }
        case let .binary(op, a, .constant(b)):
            var values = a.evaluate(over: table)
            values.withUnsafeMutableBufferPointer { buffer in
                for i in buffer.indices { buffer[i] = op.apply(buffer[i], b) }
            }
            return values
        case let .binary(op, a, b):
            var left = a.evaluate(over: table)
            let right = b.evaluate(over: table)
            left.withUnsafeMutableBufferPointer { l in
                right.withUnsafeBufferPointer { r in
                    for i in l.indices { l[i] = op.apply(l[i], r[i]) }
                }
            }
            return left
        }
    }

    /// Reads the tree the Lua tracer returned: numbers, `{"col", name}`, `{"neg", e}`, `{op, a, b}`.
    init?(traced value: LuaValue) {
        if let number = value.doubleValue {
            self = .constant(number)
            return
        }
        guard let parts = value.arrayValue, let tag = parts.first?.stringValue else { return nil }
        switch (tag, parts.count) {
        case ("col", 2):
            guard let name = parts[1].stringValue else { return nil }
            self = .column(name)
        case ("neg", 2):
            guard let e = FormulaExpression(traced: parts[1]) else { return nil }
            self = .negate(e)
        case (_, 3):
            guard let op = Operator(rawValue: tag), let a = FormulaExpression(traced: parts[1]),
                  let b = FormulaExpression(traced: parts[2]) else { return nil }
            self = .binary(op, a, b)
        default:
            return nil
        }
    }
}
