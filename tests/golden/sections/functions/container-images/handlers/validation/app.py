def handler(event, context):
    return {"valid": True, **event}
