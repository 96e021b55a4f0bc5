def handler(event, context):
    return {"fraud": False, **event}
