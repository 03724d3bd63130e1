/// The schema of `photos` (face personas, seed 001): per-photo scores and their weights, the
/// reasons a photo is rejected, the training gate of a set, the training configuration and the
/// validation gate. The host measures; these rules judge.
extension ContractSchema {
    /// The largest face of a photo.
    public static let photoFace = TableShape(
        name: "PhotoFace", doc: "The largest face the detector found, in pixels of the photo.",
        fields: [
            .required("x", .integer, "Left edge."), .required("y", .integer, "Top edge."),
            .required("width", .integer, "Box width."), .required("height", .integer, "Box height."),
            .required("share", .number, "The box's share of the frame (0–1)."),
            .required("center_x", .number, "The box's centre across the frame (0 left, 1 right)."),
            .required("center_y", .number, "The box's centre down the frame (0 top, 1 bottom)."),
        ])

    /// What the host measured on one photo, and what the rules made of it.
    public static let photoFacts = TableShape(
        name: "Photo", doc: "One photo as the rules see it: its file, its measures and (after scoring) its scores.",
        fields: [
            .required("file", .string, "The file's name."),
            .required("format", .literals(["jpeg", "png"]), "The format, from the file's bytes."),
            .required("bytes", .integer, "The file's size."),
            .required("width", .integer, "Width in pixels."),
            .required("height", .integer, "Height in pixels."),
            .required("sharpness", .number, "Variance of the Laplacian of the luminance (0–255 scale): higher is sharper."),
            .required("brightness", .number, "Mean luminance, 0–1."),
            .required("shadows", .number, "Share of pixels clipped dark (luminance under 5%)."),
            .required("highlights", .number, "Share of pixels clipped bright (luminance over 95%)."),
            .required("faces", .integer, "How many faces the detector found."),
            .optional("face", .shape(photoFace), "The largest face (nil without one)."),
            .required("hash", .string, "The 64-bit difference hash, 16 hex digits."),
            .optional("taken", .string, "The EXIF capture time (ISO 8601), when the file has one."),
            .optional("age_days", .number, "Days since the capture time, when known."),
            .optional("duplicate_of", .string, "The earlier photo this one nearly duplicates (hash distance ≤ duplicate_distance)."),
            .optional("scores", .map(.number), "Score name → 0–100 (given to reject, gate and training)."),
            .optional("overall", .number, "The weighted average of the scores, 0–100 (given to reject, gate and training)."),
            .optional("accepted", .boolean, "Whether no reject rule fired (given to gate and training)."),
            .optional("reasons", .list(.string), "Why it was rejected (given to gate and training)."),
        ])

    /// A photo set, given to the gate and the training configuration.
    public static let photoSet = TableShape(
        name: "PhotoSet", doc: "A photo set after scoring.",
        fields: [
            .required("photos", .list(.shape(photoFacts)), "Every photo, scored, in file-name order."),
            .required("accepted", .integer, "How many were accepted."),
            .required("total", .integer, "How many there are."),
        ])

    /// What the training gate returns.
    public static let photoGate = TableShape(
        name: "PhotoGate", doc: "Whether a set may be trained, and why.",
        fields: [
            .required("ready", .boolean, "True when the set may be sent to a trainer."),
            .optional("reasons", .list(.string), "Every reason it is not ready (empty when ready)."),
            .optional("notes", .list(.string), "Advice that does not block training (below the recommended count, little variety)."),
        ])

    /// What the validation gate returns.
    public static let photoValidation = TableShape(
        name: "PhotoValidation", doc: "Whether a trained model passes.",
        fields: [
            .required("passed", .boolean, "True when every check passes."),
            .optional("reasons", .list(.string), "Every failed check, with its value."),
        ])

    /// `photos.scores.NAME(photo)`.
    public static let photoScore = FunctionShape(
        name: "PhotoScore", signature: "score(photo)", doc: "One score of one photo, 0–100.",
        parameters: [.required("photo", .shape(photoFacts), "The photo's measures.")],
        results: [.required("score", .number, "0–100.")])

    /// `photos.reject(photo)`.
    public static let photoReject = FunctionShape(
        name: "PhotoReject", signature: "reject(photo)", doc: "Why a photo is rejected: nil or an empty list accepts it.",
        parameters: [.required("photo", .shape(photoFacts), "The photo with its scores and overall.")],
        results: [.optional("reasons", .list(.string), "Every reason it is rejected.")])

    /// `photos.gate(set)`.
    public static let photoGateFunction = FunctionShape(
        name: "PhotoGateFunction", signature: "gate(set)", doc: "The training gate: whether the set may be trained.",
        parameters: [.required("set", .shape(photoSet), "The scored set.")],
        results: [.required("gate", .shape(photoGate), "Ready or not, with every reason.")])

    /// `photos.training(set)`.
    public static let photoTraining = FunctionShape(
        name: "PhotoTraining", signature: "training(set)", doc: "The training configuration for a set that passed the gate.",
        parameters: [.required("set", .shape(photoSet), "The scored set (only accepted photos are trained on).")],
        results: [.required("config", .shape(trainingConfig), "The configuration handed to the trainer.")])

    /// `photos.validation(scores)`.
    public static let photoValidationFunction = FunctionShape(
        name: "PhotoValidationFunction", signature: "validation(scores)", doc: "The validation gate of a trained model.",
        parameters: [.required("scores", .map(.number), "Check name → value from the validation run (0–1).")],
        results: [.required("verdict", .shape(photoValidation), "Passed or not, with every failed check.")])

    /// The training configuration (seed 001's JSON); other fields pass through to the trainer.
    public static let trainingConfig = TableShape(
        name: "TrainingConfig", doc: "A LoRA training configuration; fields beyond these are passed to the trainer as they are.",
        fields: [
            .required("model_base", .string, "The base model (\"flux-dev\")."),
            .required("training_steps", .integer, "Steps (> 0)."),
            .required("learning_rate", .number, "Learning rate (> 0)."),
            .optional("batch_size", .integer, "Batch size (> 0)."),
            .required("rank", .integer, "LoRA rank (> 0)."),
            .required("alpha", .number, "LoRA alpha (> 0)."),
            .optional("dropout", .number, "Dropout, 0–1."),
            .optional("optimizer", .string, "\"adamw\"…"),
            .optional("scheduler", .string, "\"cosine\"…"),
            .optional("mixed_precision", .string, "\"fp16\"…"),
            .optional("gradient_checkpointing", .boolean, "Whether to checkpoint gradients."),
        ])

    /// The `photos` table.
    public static let photos = TableShape(
        name: "PhotoRules", doc: "How photos are scored and sets judged for face personas.",
        fields: [
            .required("scores", .map(.function(photoScore)), "Score name → score(photo), 0–100."),
            .required("weights", .map(.number), "Score name → weight in `overall` (≥ 0; every score needs one)."),
            .optional("reject", .function(photoReject), "reject(photo): the reasons a scored photo is rejected."),
            .optional("duplicate_distance", .integer, "Hash bits (0–64) within which a later photo nearly duplicates an earlier one (default 6)."),
            .required("gate", .function(photoGateFunction), "gate(set): the training gate."),
            .required("training", .function(photoTraining), "training(set): the training configuration."),
            .required("validation", .function(photoValidationFunction), "validation(scores): the validation gate."),
        ])
}
