import Builtins
import Testing
@testable import Host

/// The face persona state machine, every state against every action.
@Suite struct FaceLifecycleTests {
    typealias A = FaceLifecycle.Action

    /// The legal transitions; every other pair must be refused.
    static let legal: [FacePersonaStatus: [A: FaceVersionStatus]] = [
        .pending: [.train: .training, .export: .exported],
        .training: [.trainerSucceeded: .validating, .trainerFailed: .failed],
        .validating: [.validationPassed: .ready, .validationFailed: .failed],
        .ready: [.train: .training, .export: .exported],
        .failed: [.train: .training, .export: .exported],
        .exported: [.train: .training, .export: .exported],
    ]

    @Test(arguments: FacePersonaStatus.allCases)
    func everyActionInEveryState(_ state: FacePersonaStatus) {
        for action in A.allCases {
            let expected = Self.legal[state]?[action]
            #expect(FaceLifecycle.next(from: state, action) == expected, "\(state) + \(action)")
            if expected == nil {
                #expect(throws: FacePersonaError.illegalTransition(triggerWord: "maya", current: state, action: action)) {
                    try FaceLifecycle.check("maya", from: state, action)
                }
            }
        }
    }

    @Test func illegalTransitionsNameTheStateAndWhatTheActionNeeds() throws {
        let training = FacePersonaError.illegalTransition(triggerWord: "maya", current: .training, action: .train)
        #expect(training.exitStatus == .usage)
        #expect(training.description == "face persona \"maya\" is training: train needs it to be pending, ready, failed or exported (a trainer is running for it)")
        let validate = FacePersonaError.illegalTransition(triggerWord: "maya", current: .ready, action: .validationPassed)
        #expect(validate.description == "face persona \"maya\" is ready: validate needs it to be validating")
    }

    @Test func newVersionsOnlyForTrainAndExport() {
        #expect(A.allCases.filter(\.startsNewVersion) == [.train, .export])
    }

    @Test func statusIsTheLatestVersionsOrPending() {
        #expect(FacePersonaStatus(latest: nil) == .pending)
        for status in FaceVersionStatus.allCases { #expect(FacePersonaStatus(latest: status).rawValue == status.rawValue) }
    }
}
