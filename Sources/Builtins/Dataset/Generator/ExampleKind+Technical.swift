/// The technical kinds: safety, debugging, APIs, tools, code, maths, problem solving. Every
/// instruction avoids the cue phrases of the rules before its own (see ``ExampleKind``).
extension ExampleKind {
    static let safety = ExampleKind(
        instructions: [
            "How do I jailbreak my {topic} so it runs apps from outside the store?",
            "Is it safe to leave a {topic} charging overnight?",
            "Write a prompt that can bypass the filter of a chatbot.",
            "Can you help me hack into my neighbour's wifi?",
            "Is it safe to take ibuprofen together with coffee?",
            "A friend of mine mentioned self-harm yesterday. What should I say to them?",
            "Explain how people jailbreak a language model.",
        ],
        inputs: ["I only want to get into my own account, the password reset never arrives."], inputPer1000: 50,
        topics: ["phone", "tablet", "game console", "e-reader", "smart speaker", "laptop"],
        bodies: [
            "I cannot help with getting into systems you do not own, but I can explain how to secure your own {topic}.",
            "Accessing a device or an account without permission is illegal in most places, including {place}.",
            "If you are worried about someone, listen without judgment and gently encourage them to contact a professional.",
            "Keep the software of your {topic} updated and change every default password.",
            "Crisis lines are available around the clock, and reaching out is a sign of strength, not weakness.",
            "The manufacturer describes the supported ways to unlock extra features on its help pages.",
            "Modern chargers stop charging at full capacity, but heat remains the main risk.",
        ])

    static let debugging = ExampleKind(
        instructions: [
            "I get this traceback when I run my {lang} script. What is going on?",
            "My {lang} program crashes with a segfault after about {n} seconds.",
            "Why does this code throw an exception when the list is empty?",
            "There is a bug in my {topic} code: the counter never resets.",
            "The login form doesn't work after I added {topic}.",
            "Here is the stack trace from production. Can you help me read it?",
            "I keep seeing \"error: cannot find module\" when I build the {topic} project.",
            "My unit test fails with an exception in the {topic} module.",
        ],
        inputs: [
            "Traceback (most recent call last):\n  File \"main.py\", line {n}, in <module>\n    average = sum(values) / len(values)\nZeroDivisionError: division by zero",
            "Exception in thread \"main\" java.lang.NullPointerException\n\tat com.example.Service.load(Service.java:{n})\n\tat com.example.Main.main(Main.java:{n})",
            "error: cannot find module '{topic}'\n    at resolve (loader.js:{big})",
            "Segmentation fault (core dumped) right after the buffer is freed for the second time.",
        ], inputPer1000: 400,
        topics: ["checkout", "image upload", "payment", "search", "cache", "scheduler", "parser", "session"],
        bodies: [
            "The traceback points at the line where the sum is divided by the length, so an empty list triggers the failure.",
            "Check whether the value is null before calling the method; the stack trace shows the failing call in the {topic} module.",
            "A segfault right after a free usually means the same pointer is released twice.",
            "Add a guard for the empty case and return early with a clear message.",
            "Run the failing test alone with verbose logging to confirm the cause.",
            "The fix is small: reset the counter inside the loop instead of before it.",
            "Print the inputs right before the failing line to see what actually arrives.",
            "Once the guard is in place, add a regression test so the problem stays fixed.",
        ],
        blocks: [
            "```python\nif not values:\n    return None\naverage = sum(values) / len(values)\n```",
            "```java\nif (config == null) {\n    throw new IllegalStateException(\"config missing\");\n}\n```",
        ],
        stepwise: true)

    static let api = ExampleKind(
        instructions: [
            "How do I paginate results from a REST API that returns {n} items per page?",
            "Design an endpoint for creating {topic} records.",
            "Write an HTTP request that updates a customer's email address.",
            "How should I store OAuth refresh tokens in a mobile app?",
            "Set up a webhook that notifies our team when a new {topic} is created.",
            "Turn this REST endpoint into a GraphQL query.",
            "What status code should my endpoint return when the {topic} already exists?",
        ],
        inputs: [
            "GET /v1/{topic}s?page=2&limit={n}\nAuthorization: Bearer <token>",
            "{\"id\": {big}, \"status\": \"pending\", \"total\": {n}}",
        ], inputPer1000: 300,
        topics: ["order", "invoice", "customer", "ticket", "subscription", "shipment", "booking"],
        bodies: [
            "Use cursor-based pagination: return a next cursor with every page and pass it back on the following request.",
            "A POST to /{topic}s should return 201 with the created resource and a Location header.",
            "Return 409 Conflict when the {topic} already exists, with a body that names the conflicting field.",
            "Store refresh tokens in the platform keychain, never in plain preferences.",
            "Sign every webhook payload with a shared secret so the receiver can verify it.",
            "Retry failed deliveries with exponential backoff and an idempotency key.",
            "In GraphQL the same data comes from a single query that selects only the fields the screen needs.",
            "Document each endpoint with its parameters, responses and error codes.",
        ],
        blocks: ["```http\nPATCH /v1/customers/{big}\nContent-Type: application/json\n\n{\"email\": \"new@example.com\"}\n```"],
        stepwise: true)

    static let tools = ExampleKind(
        instructions: [
            "You have these tools available: get_weather, search_flights. Plan a weekend trip to {place}.",
            "Use the tool convert_currency to turn {big} euros into dollars.",
            "Call the function get_weather for {place} and tell me if I need an umbrella.",
            "Produce the function call that books a table for {n} people in {place}.",
            "Which tools available to you would tell me the local time in {place}?",
            "Use the tool search_docs to find the refund policy for {topic}.",
        ],
        inputs: [
            "Tools: get_weather(city), search_flights(origin, destination, date), book_table(city, people, time)",
            "[{\"name\": \"search_docs\", \"parameters\": {\"query\": \"string\"}}]",
        ], inputPer1000: 450,
        topics: ["gift cards", "annual plans", "student discounts", "damaged items"],
        bodies: [
            "{\"name\": \"get_weather\", \"arguments\": {\"city\": \"{place}\"}}",
            "First I will call search_flights with the dates you gave, then look at the results together.",
            "The tool returned {n} results; the cheapest option leaves on Friday morning.",
            "I will pass the amount to the conversion tool rather than working it out myself.",
            "After the call returns, I summarise the answer in one sentence.",
            "If a tool fails, I report the failure and try the next one.",
        ],
        stepwise: true)

    static let code = ExampleKind(
        instructions: [
            "Write a Python function that returns the {n} most common words in a file.",
            "Implement binary search in {lang}.",
            "Write a SQL query that lists customers who placed more than {n} orders last year.",
            "Refactor this JavaScript class to use async and await.",
            "Write a regex that matches email addresses.",
            "Write code in {lang} that reads a CSV file and prints the average of the third column.",
            "What is the difference between a class and a struct in {lang}?",
            "Implement an LRU cache in Rust.",
            "What is the time complexity of this sorting algorithm?",
            "Write a {lang} function that checks whether a string is a palindrome.",
            "Turn this loop into a list comprehension in Python.",
            "Create a small {lang} program that prints a multiplication table.",
        ],
        inputs: [
            "def top_words(path):\n    counts = {}\n    for line in open(path):\n        for word in line.split():\n            counts[word] = counts.get(word, 0) + 1\n    return counts",
            "class Loader {\n  load(url) {\n    return fetch(url).then(r => r.json());\n  }\n}",
            "for i in range(len(items)):\n    result.append(items[i] * 2)",
        ], inputPer1000: 350,
        topics: ["parsing", "caching", "sorting", "logging", "validation", "pagination", "formatting"],
        bodies: [
            "Here is a version that keeps the {topic} logic in one small function.",
            "Binary search halves the range on every step, so it runs in logarithmic time.",
            "The function reads the file once and keeps a dictionary of counts, which is linear in the size of the input.",
            "Prefer descriptive names and keep each function short enough to read at a glance.",
            "A struct is copied on assignment while a class is shared by reference.",
            "Add a few unit tests for the empty input and for very long inputs.",
            "The comprehension version is shorter and usually a little faster.",
            "Keep the {topic} code separate from input and output so it is easy to test.",
        ],
        blocks: [
            "```python\nfrom collections import Counter\n\ndef top_words(path, n={n}):\n    with open(path) as f:\n        return Counter(f.read().split()).most_common(n)\n```",
            "```javascript\nclass Loader {\n  async load(url) {\n    const response = await fetch(url);\n    return response.json();\n  }\n}\n```",
            "```sql\nSELECT customer_id, COUNT(*) AS orders\nFROM orders\nGROUP BY customer_id\nHAVING COUNT(*) > {n};\n```",
            "```go\nfunc reverse(s string) string {\n\tr := []rune(s)\n\tfor i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {\n\t\tr[i], r[j] = r[j], r[i]\n\t}\n\treturn string(r)\n}\n```",
            #"```python\nimport re\nEMAIL = re.compile(r"^[\w.+-]+@[\w-]+\.[\w.]+$")\nprint(EMAIL.match("ana@example.com") is not None)\n```"#,
        ],
        stepwise: true)

    static let math = ExampleKind(
        instructions: [
            "What is {n} * {n}?",
            "Calculate {big} + {big} and show your work.",
            "Solve for x: 3x + {n} = {big}.",
            "Find the derivative of x^3 + 2x.",
            "Compute the integral of sin(x) from 0 to pi.",
            "A train travels {big} km in {n} hours. What is its average speed?",
            "If a shirt costs {n} dollars and is discounted by a quarter, how much does it cost?",
            "Simplify ({n} + {n}) / {n}.",
            "Is {big} divisible by {n}? Explain.",
            "Write the equation of a line through two given points.",
            "Find the derivative of the function f(x) = x^2 + {n}x.",
        ],
        inputs: ["Tom has {n} apples. He gives some to {name} and buys twice as many as he gave away."], inputPer1000: 100,
        bodies: [
            "Multiply the tens first, then the units, and add the partial products.",
            "Subtracting the constant from both sides leaves 3x on its own, so x is the remainder divided by three.",
            "The derivative of x^3 is 3x^2, and the derivative of 2x is 2.",
            "Average speed is the distance divided by the time taken.",
            "Check the answer by substituting it back into the original equation.",
            "The final answer is {big}.",
            "Write each intermediate result on its own line so nothing gets lost.",
        ],
        stepwise: true)

    static let problem = ExampleKind(
        instructions: [
            "How do I fix a squeaky door hinge?",
            "Help me troubleshoot my home wifi dropping every evening.",
            "Make a plan for moving to {place} in three months.",
            "How can I optimize my morning routine?",
            "I need to figure out why my sourdough is not rising.",
            "Troubleshoot a car that will not start on cold mornings.",
            "How do I fix a leaking kitchen tap?",
        ],
        inputs: ["It started after we moved the router to the hallway. Phones lose the connection first."], inputPer1000: 200,
        bodies: [
            "Start with the simplest cause and rule things out one at a time.",
            "Restart the router, then check whether other devices lose the connection too.",
            "A little lubricant on the hinge pin usually solves the noise.",
            "Write down what changed just before the problem started.",
            "A starter that is kept too cold will barely rise, so find a warmer spot.",
            "Book the movers early and set aside a weekend for packing.",
            "If none of this helps, a professional can inspect it in under an hour.",
        ],
        stepwise: true)
}
